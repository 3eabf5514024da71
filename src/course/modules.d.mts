export interface CourseModule {
  id: string;
  title: string;
  summary: string;
}
export function readModules(): CourseModule[];
export function readCourse(): (CourseModule & { lessons: Record<string, unknown>[] })[];
export function sidebarFromCourse(): { label: string; items: { slug: string }[] }[];
