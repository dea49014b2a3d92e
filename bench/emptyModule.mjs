// The baseline of the cold-import cases: a module that loads nothing.
export {};
