"""The seed's approach, for the benchmark to compare against: read a CSV with pandas, split it
with scikit-learn's train_test_split, write both splits as CSV, fit GaussianNB and score it.
Prints one JSON line: rows, accuracy and the peak memory the OS counted for this process."""
import argparse
import json
import os
import resource

import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("--columns", help="comma-separated names, for a file without a header")
    parser.add_argument("--test-size", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    names = args.columns.split(",") if args.columns else None
    frame = pd.read_csv(args.input, header=None if names else "infer", names=names)
    features = frame.drop(columns=[args.target])
    labels = frame[args.target]
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=args.test_size, random_state=args.seed, stratify=labels)

    os.makedirs(args.output_dir, exist_ok=True)
    x_train.assign(**{args.target: y_train}).to_csv(
        os.path.join(args.output_dir, "train.csv"), index=False)
    x_test.assign(**{args.target: y_test}).to_csv(
        os.path.join(args.output_dir, "test.csv"), index=False)

    model = GaussianNB().fit(x_train, y_train)
    accuracy = float(model.score(x_test, y_test))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": len(frame), "accuracy": accuracy, "maxRssKiB": peak_kib}))


if __name__ == "__main__":
    main()
