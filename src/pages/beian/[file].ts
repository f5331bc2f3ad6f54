// The police filing's emblem (site.yaml filing.policeEmblem), published as a file of the site at one fixed
// name: the footer shows it beside the filing number, and nothing is fetched from the filing system.
import type { APIRoute } from 'astro';
import { emblemPath } from '../../site/filing';
import { emblem } from '../../site';

export function getStaticPaths() {
  return emblem ? [{ params: { file: emblemPath(emblem).split('/').at(-1)! } }] : [];
}

export const GET: APIRoute = () =>
  new Response(new Uint8Array(emblem!.bytes), { headers: { 'Content-Type': emblem!.type === 'png' ? 'image/png' : 'image/gif' } });
