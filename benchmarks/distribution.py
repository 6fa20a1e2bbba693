"""Data parallelism on forced CPU devices: the shared workloads seed_mlp and wide_mlp (/work/shared/bench/
workloads.py) trained with no strategy and under MirroredStrategy over `--devices` CPU devices.

    python benchmarks/distribution.py [--devices 2] [--workloads seed_mlp wide_mlp]

Each setting runs in its own process (the device count is fixed when the engine starts). Prints one JSON line
per run: first epoch (with compile), steady epoch (median of the others), final loss, and the ratio of the
steady epoch to the no-strategy one. Forced CPU devices share the same cores, so this measures the cost of
splitting the step, not a speed-up; on several GPUs the same code splits the work between them.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def workload(name):
    """(model builder, x, y, epochs, batch_size, optimizer, loss), as in the shared workloads file."""
    import kerax
    layers = kerax.layers
    rng = np.random.default_rng(0)
    if name == "seed_mlp":
        x, y = rng.random((1000, 32)).astype("float32"), rng.random((1000, 10)).astype("float32")
        return (lambda: kerax.Sequential([layers.Dense(64, activation="relu"),
                                          layers.Dense(64, activation="relu"),
                                          layers.Dense(10, activation="softmax")]),
                x, y, 10, 32, lambda: kerax.optimizers.Adam(0.001), "categorical_crossentropy")
    x, y = rng.random((16384, 784)).astype("float32"), rng.integers(0, 10, 16384)
    return (lambda: kerax.Sequential([kerax.Input((784,)), layers.Dense(1024, activation="relu"),
                                      layers.Dense(1024, activation="relu"), layers.Dense(10)]),
            x, y, 3, 256, lambda: "adam", kerax.losses.SparseCategoricalCrossentropy(from_logits=True))


def run_one(name, strategy):
    import kerax

    class EpochTimer(kerax.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.times = []

        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self.start)

    build, x, y, epochs, batch_size, optimizer, loss = workload(name)
    chosen = kerax.distribute.MirroredStrategy() if strategy else kerax.distribute.get_strategy()
    scope = chosen.scope()
    with scope:
        model = build()
        model.compile(optimizer=optimizer(), loss=loss, metrics=["accuracy"])
    timer = EpochTimer()
    history = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0, callbacks=[timer])
    return {"workload": name, "strategy": "MirroredStrategy" if strategy else "none",
            "replicas": chosen.num_replicas_in_sync, "first_epoch_s": round(timer.times[0], 4),
            "steady_epoch_s": round(float(np.median(timer.times[1:])), 4),
            "final_loss": round(float(history.history["loss"][-1]), 5)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=2)
    parser.add_argument("--workloads", nargs="+", default=["seed_mlp", "wide_mlp"])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child[0], args.child[1] == "mirrored")), flush=True)
        return
    env = dict(os.environ, XLA_FLAGS=f"--xla_force_host_platform_device_count={args.devices}",
               JAX_PLATFORMS="cpu", PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for name in args.workloads:
        baseline = None
        for setting in ("none", "mirrored"):
            done = subprocess.run([sys.executable, __file__, "--child", name, setting], env=env, check=True,
                                  capture_output=True, text=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            baseline = baseline or result["steady_epoch_s"]
            result["steady_vs_none"] = round(result["steady_epoch_s"] / baseline, 2)
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
