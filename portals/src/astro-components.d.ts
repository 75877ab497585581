// tsc does not read .astro files: to a .ts file (a module's page table) a component is a function
// of its props. Each component's `interface Props` declares what it takes.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
