"""Per-op CPU timings of the cnn workload's convolutions and pools, as kerax computes them (kerax.ops) and as
plain XLA ops (lax.conv_general_dilated, a max reduce_window): forward, and forward + backward.

    python benchmarks/conv_ops.py

Prints one JSON line per op (milliseconds, best of 7 rounds of 5 calls).
"""
import json
import time

import jax
import jax.numpy as jnp
import numpy as np

from kerax import ops


def best_ms(fn, *args):
    jax.block_until_ready(fn(*args))
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        for _ in range(5):
            jax.block_until_ready(fn(*args))
        best = min(best, (time.perf_counter() - start) / 5 * 1000)
    return round(best, 3)


def xla_conv(x, kernel):
    return jax.lax.conv_general_dilated(x, kernel, (1, 1), "VALID", dimension_numbers=("NHWC", "HWIO", "NHWC"))


def xla_max_pool(x):
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")


def timings(name, fn, *args):
    forward = jax.jit(fn)
    both = jax.jit(jax.grad(lambda *a: jnp.sum(jnp.sin(fn(*a))), argnums=tuple(range(len(args)))))
    return {"op": name, "forward_ms": best_ms(forward, *args), "forward_backward_ms": best_ms(both, *args)}


def main():
    rng = np.random.default_rng(0)
    for batch, size, channels, filters in [(128, 28, 1, 32), (128, 13, 32, 64)]:
        x = jnp.asarray(rng.random((batch, size, size, channels), dtype=np.float32))
        kernel = jnp.asarray(rng.normal(size=(3, 3, channels, filters)).astype("float32") * 0.1)
        shape = f"{batch}x{size}x{size}x{channels}->{filters}"
        print(json.dumps(timings(f"kerax conv {shape}", ops.conv, x, kernel)), flush=True)
        print(json.dumps(timings(f"xla conv {shape}", xla_conv, x, kernel)), flush=True)
    y = jnp.asarray(rng.normal(size=(128, 26, 26, 32)).astype("float32"))
    print(json.dumps(timings("kerax max_pool 2x2 128x26x26x32", lambda t: ops.max_pool(t, 2), y)), flush=True)
    print(json.dumps(timings("xla reduce_window 2x2 128x26x26x32", xla_max_pool, y)), flush=True)


if __name__ == "__main__":
    main()
