declare namespace App {
  interface Locals {
    /** Set when the page rendered may be memoised under this key (lib/render-memo.ts). */
    renderKey?: string;
  }
}
