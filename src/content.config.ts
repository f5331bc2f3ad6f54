// Notices are Markdown files under content/notices; their frontmatter format is defined once, in
// src/schemas, and the loader (src/loaders/notices) adds what lists need.
import { defineCollection } from 'astro:content';
import { noticesLoader } from './loaders/notices';
import { noticeEntrySchema } from './schemas';

export const collections = {
  notices: defineCollection({ loader: noticesLoader(), schema: noticeEntrySchema }),
};
