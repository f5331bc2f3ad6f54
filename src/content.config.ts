// Notices are Markdown files under content/notices; their frontmatter format is defined once, in src/lib/schema.ts.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/paths';
import { noticeSchema } from './lib/schema';

export const collections = {
  notices: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir()}/notices` }),
    schema: noticeSchema,
  }),
};
