// Types for the small part of d3-node (and the d3 it bundles) that the plots library uses;
// the package ships none.
declare module 'd3-node' {
  type AttrValue<Datum> = string | number | ((datum: Datum, index: number) => string | number);

  export interface D3Selection<Datum> {
    append(name: string): D3Selection<Datum>;
    attr(name: string, value: AttrValue<Datum>): D3Selection<Datum>;
    text(value: string | ((datum: Datum, index: number) => string)): D3Selection<Datum>;
    selectAll(selector: string): D3Selection<unknown>;
    data<Item>(values: readonly Item[]): D3Selection<Item>;
    join(name: string): D3Selection<Datum>;
  }

  export interface D3SequentialScale {
    (value: number): string;
    domain(extent: [number, number]): D3SequentialScale;
  }

  export interface D3Rgb {
    r: number;
    g: number;
    b: number;
  }

  export interface D3Module {
    scaleSequential(interpolator: (t: number) => string): D3SequentialScale;
    interpolateBlues(t: number): string;
    rgb(colour: string): D3Rgb;
  }

  export class D3Node {
    constructor(options?: { styles?: string });
    readonly d3: D3Module;
    createSVG(
      width: number,
      height: number,
      attrs?: Record<string, string | number>,
    ): D3Selection<unknown>;
    svgString(): string;
  }
}
