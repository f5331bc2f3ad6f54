// Notices are Markdown files under content/notices; their frontmatter format is defined once, in
// src/lib/schema.ts, and the loader (src/loaders/notices) adds what lists need.
import { defineCollection } from 'astro:content';
import { noticeEntrySchema, noticesLoader } from './loaders/notices';

export const collections = {
  notices: defineCollection({ loader: noticesLoader(), schema: noticeEntrySchema }),
};
