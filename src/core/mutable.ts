/** `T` with its top-level properties writable, for objects built up field by field. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
