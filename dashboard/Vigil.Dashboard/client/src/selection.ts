/** Alert ids selected on the wall for declaring an incident (kept across page changes within the session). */
export const selection = new Set<string>();
