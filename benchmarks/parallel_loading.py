"""A slow Python loader overlapping with training: fit on a PyDataset whose every batch takes `--delay`
seconds to make (as decoding files does), with workers=1 (serial) and with several worker threads/processes.

    python benchmarks/parallel_loading.py [--batches 40] [--delay 0.02] [--epochs 2]

Prints the seconds per epoch of each setting and its ratio to the serial one, all taken in this run.
"""
import argparse
import time

import numpy as np

import kerax


class SlowBatches(kerax.utils.PyDataset):
    def __init__(self, batches, delay, **kwargs):
        super().__init__(**kwargs)
        self.batches, self.delay = batches, delay
        self.x = np.random.default_rng(0).normal(size=(64, 256)).astype("float32")
        self.y = self.x[:, :10]

    def __len__(self):
        return self.batches

    def __getitem__(self, index):
        time.sleep(self.delay)  # stands for reading and decoding files
        return self.x, self.y


def seconds_per_epoch(batches, delay, epochs, **settings):
    model = kerax.Sequential([kerax.Input((256,)), kerax.layers.Dense(512, activation="relu"),
                              kerax.layers.Dense(10)])
    model.compile("adam", "mse")
    data = SlowBatches(batches, delay)
    model.fit(data, epochs=1, verbose=0, **settings)  # compiles
    start = time.perf_counter()
    model.fit(data, epochs=epochs, verbose=0, **settings)
    return (time.perf_counter() - start) / epochs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.02)
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    settings = {"serial (workers=1)": {}, "4 threads": {"workers": 4},
                "2 processes": {"workers": 2, "use_multiprocessing": True}}
    serial = None
    print(f"{args.batches} batches, each made in {args.delay * 1000:.0f} ms by Python code")
    for name, kwargs in settings.items():
        seconds = seconds_per_epoch(args.batches, args.delay, args.epochs, **kwargs)
        serial = serial or seconds
        print(f"{name:20} {seconds:7.3f} s/epoch   {seconds / serial:5.2f}x serial")


if __name__ == "__main__":
    main()
