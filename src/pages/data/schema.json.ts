// data/schema.json: the JSON Schema of data/notices.json, generated from its zod schema (src/open-data/open-data).
import type { APIRoute } from 'astro';
import { noticesJsonSchema } from '../../open-data/open-data';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(noticesJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
