// Types for the part of ml-naivebayes 4.0.0 that a test measures; the package ships none.
declare module 'ml-naivebayes' {
  export class GaussianNB {
    train(rows: number[][], labels: number[]): void;
    predict(rows: number[][]): number[];
  }
}
