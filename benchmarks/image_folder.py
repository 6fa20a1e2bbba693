"""Training from a folder of image files: images/s and peak memory of one epoch of `model.fit` on
`image_dataset_from_directory` and on `ImageDataGenerator().flow_from_directory`, next to the same training
on the images already in memory as arrays (the training-only ceiling).

    python benchmarks/image_folder.py [--images 2000] [--classes 10] [--size 32] [--folder /tmp/kerax_images]

Writes the folder of PNGs (once; reused when it is already there), then runs each reader in its own process
under `/usr/bin/time -v` (peak RSS) and prints one line per reader. `fit` is timed for one epoch after a
one-batch warm-up fit (the compile), so images/s is the steady reading-and-training rate; `read only` is one
pass over the reader without a model.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def make_folder(folder, images, classes, size):
    """`images` random PNGs of size x size, spread over `classes` class folders; class c is brighter."""
    if os.path.isdir(folder) and sum(len(files) for _, _, files in os.walk(folder)) == images:
        return
    from PIL import Image  # the worker processes below do not need Pillow at import time

    rng = np.random.default_rng(0)
    for i in range(images):
        c = i % classes
        os.makedirs(os.path.join(folder, f"class_{c:02d}"), exist_ok=True)
        pixels = rng.integers(0, 256 - 20 * classes, (size, size, 3)) + 20 * c
        Image.fromarray(pixels.astype(np.uint8)).save(os.path.join(folder, f"class_{c:02d}", f"{i:05d}.png"))


def tiny_conv(size, classes):
    import kerax
    from kerax import layers

    model = kerax.Sequential([
        layers.Input((size, size, 3)), layers.Rescaling(1 / 255), layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(), layers.Conv2D(16, 3, activation="relu"), layers.GlobalAveragePooling2D(),
        layers.Dense(classes),
    ])
    model.compile("adam", kerax.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def reader(mode, folder, size, shuffle=True):
    import kerax

    if mode == "arrays in memory":
        images, labels = zip(*reader("image_dataset_from_directory", folder, size, shuffle=False))
        return np.concatenate(images), np.concatenate(labels)
    if mode == "image_dataset_from_directory":
        return kerax.utils.image_dataset_from_directory(folder, image_size=(size, size), batch_size=32,
                                                        shuffle=shuffle, seed=0, verbose=False)
    generator = kerax.preprocessing.image.ImageDataGenerator()
    return generator.flow_from_directory(folder, target_size=(size, size), class_mode="sparse", batch_size=32,
                                         shuffle=shuffle, seed=0)


def worker(mode, folder, size, classes, images):
    model = tiny_conv(size, classes)
    start = time.perf_counter()
    data = reader(mode, folder, size)
    if mode == "image_dataset_from_directory":
        for _ in data:
            pass
    elif mode == "flow_from_directory":  # an endless iterator: one pass is len() batches
        for i in range(len(data)):
            data[i]
    read_only = time.perf_counter() - start
    if mode == "arrays in memory":
        model.fit(*data, batch_size=32, epochs=1, steps_per_epoch=1, verbose=0)  # compile
        start = time.perf_counter()
        history = model.fit(*data, batch_size=32, epochs=1, verbose=0)
    else:
        model.fit(reader(mode, folder, size), epochs=1, steps_per_epoch=1, verbose=0)  # compile
        start = time.perf_counter()
        history = model.fit(reader(mode, folder, size), epochs=1, verbose=0)
    seconds = time.perf_counter() - start
    print(json.dumps({"mode": mode, "fit_images_per_s": images / seconds,
                      "read_images_per_s": images / read_only, "accuracy": history.history["accuracy"][-1]}))


def run(mode, args):
    command = [sys.executable, os.path.abspath(__file__), "--worker", mode, "--folder", args.folder,
               "--size", str(args.size), "--classes", str(args.classes), "--images", str(args.images)]
    env = dict(os.environ, PYTHONPATH=os.path.dirname(HERE) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"{mode} failed:\n{done.stderr[-3000:]}")
    result = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    print(f"{mode:28s} fit {result['fit_images_per_s']:7.0f} images/s   read only "
          f"{result['read_images_per_s']:7.0f} images/s   peak RSS {peak_kb / 1024:6.0f} MiB   "
          f"accuracy after 1 epoch {result['accuracy']:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--folder", default="/tmp/kerax_images")
    parser.add_argument("--worker")
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.folder, args.size, args.classes, args.images)
    make_folder(args.folder, args.images, args.classes, args.size)
    print(f"{args.images} PNGs of {args.size}x{args.size}, {args.classes} classes, batch 32, "
          f"{os.cpu_count()} CPUs")
    for mode in ("arrays in memory", "image_dataset_from_directory", "flow_from_directory"):
        run(mode, args)


if __name__ == "__main__":
    main()
