/** A catalogue's shape with every literal widened to string: what another language must provide. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
