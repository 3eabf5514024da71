import type { AstroIntegration } from 'astro';

export const PRECACHE_BUDGET: number;
export function writeServiceWorker(dir: string): Promise<{ count: number; size: number; urls: string[]; warnings: string[] }>;
export default function serviceWorker(): AstroIntegration;
