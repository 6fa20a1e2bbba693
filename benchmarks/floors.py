"""Hand-written JAX training loops for the MLP workloads (plain Adam, the whole epoch one `lax.scan` in one
jitted call): the floor a Keras-style library on JAX can approach. Also the machine's sgemm rate, the ceiling
for the wide MLP's GFLOP/s, and a hand-jitted forward call, the floor of `model(x)` latency.

    python benchmarks/floors.py seed_mlp wide_mlp sgemm latency

Prints JSON lines in the format of workloads.py (impl="floor").
"""
import json
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np

MLPS = {  # name: (layer sizes, samples, batch size, epochs, loss)
    "seed_mlp": ([32, 64, 64, 10], 1000, 32, 10, "categorical"),
    "wide_mlp": ([784, 1024, 1024, 10], 16384, 256, 3, "sparse"),
}


def adam_update(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-7):
    m, v, t = state
    t = t + 1
    m = jax.tree.map(lambda m, g: beta1 * m + (1 - beta1) * g, m, grads)
    v = jax.tree.map(lambda v, g: beta2 * v + (1 - beta2) * g * g, v, grads)
    rate = lr * jnp.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
    params = jax.tree.map(lambda p, m, v: p - rate * m / (jnp.sqrt(v) + eps), params, m, v)
    return params, (m, v, t)


def forward(params, x):
    for i, (w, b) in enumerate(params):
        x = x @ w + b
        if i < len(params) - 1:
            x = jax.nn.relu(x)
    return x


def mlp_floor(name):
    sizes, n, batch, epochs, loss_kind = MLPS[name]
    rng = np.random.default_rng(0)
    x = rng.random((n, sizes[0])).astype("float32")
    y = rng.random((n, sizes[-1])).astype("float32") if loss_kind == "categorical" else rng.integers(0, 10, n)
    key, params = jax.random.PRNGKey(0), []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        key, sub = jax.random.split(key)
        limit = np.sqrt(6 / (fan_in + fan_out))
        params.append((jax.random.uniform(sub, (fan_in, fan_out), minval=-limit, maxval=limit), jnp.zeros(fan_out)))

    def loss(params, xb, yb):
        logits = forward(params, xb)
        if loss_kind == "categorical":
            probabilities = jnp.clip(jax.nn.softmax(logits), 1e-7, 1 - 1e-7)
            return -(yb * jnp.log(probabilities)).sum(-1).mean()
        return -jnp.take_along_axis(jax.nn.log_softmax(logits), yb[:, None], 1).mean()

    def step(carry, batch):
        params, state = carry
        value, grads = jax.value_and_grad(loss)(params, *batch)
        return adam_update(params, grads, state), value

    steps = n // batch
    xs = jnp.asarray(x[: steps * batch].reshape(steps, batch, -1))
    ys = jnp.asarray(y[: steps * batch].reshape((steps, batch) + y.shape[1:]))
    epoch = jax.jit(lambda carry, xs, ys: jax.lax.scan(step, carry, (xs, ys)), donate_argnums=0)
    zeros = jax.tree.map(jnp.zeros_like, params)
    carry, times = (params, (zeros, jax.tree.map(jnp.zeros_like, params), jnp.zeros((), jnp.int32))), []
    for _ in range(epochs):
        start = time.perf_counter()
        carry, values = epoch(carry, xs, ys)
        values.block_until_ready()
        times.append(time.perf_counter() - start)
    flops = 2 * sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    steady = float(np.median(times[1:]))
    print(json.dumps(dict(impl="floor", workload=name, first_epoch_s=round(times[0], 4),
                          steady_epoch_s=round(steady, 5), train_gflops=round(3 * flops * steps * batch / steady / 1e9, 2))),
          flush=True)


def latency():
    """The seed MLP's forward pass on one 32-row batch as a hand-jitted function, timed as workloads.latency
    times `model(x)` (converted to NumPy)."""
    sizes, rng = MLPS["seed_mlp"][0], np.random.default_rng(0)
    params = [(jnp.asarray(rng.random((a, b), dtype=np.float32)), jnp.zeros(b))
              for a, b in zip(sizes[:-1], sizes[1:])]
    call = jax.jit(lambda params, x: jax.nn.softmax(forward(params, x)))
    x = rng.random((32, sizes[0])).astype("float32")
    for _ in range(20):
        np.asarray(call(params, x))
    start = time.perf_counter()
    for _ in range(200):
        np.asarray(call(params, x))
    milliseconds = (time.perf_counter() - start) / 200 * 1000
    row = dict(impl="floor", workload="latency", jitted_forward_ms=round(milliseconds, 4))
    print(json.dumps(row), flush=True)


def sgemm():
    """GFLOP/s of a float32 1024x1024 matrix product as XLA runs it here."""
    a = jnp.asarray(np.random.default_rng(0).random((1024, 1024), dtype=np.float32))
    matmul = jax.jit(lambda a: a @ a)
    matmul(a).block_until_ready()
    start = time.perf_counter()
    for _ in range(20):
        out = matmul(a)
    out.block_until_ready()
    seconds = (time.perf_counter() - start) / 20
    print(json.dumps(dict(impl="floor", workload="sgemm", gflops=round(2 * 1024 ** 3 / seconds / 1e9, 1))), flush=True)


if __name__ == "__main__":
    for name in sys.argv[1:] or ["seed_mlp", "wide_mlp", "sgemm"]:
        {"sgemm": sgemm, "latency": latency}.get(name, lambda: mlp_floor(name))()
