"""Adafactor, Lion, Lamb, Muon, ScheduleFreeAdamW: five steps against NumPy (tests/optimizers/
numpy_references.py) in float64, configs, lookup by name, and a short `fit` of an MLP with each."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import kerax
from kerax import backend, layers, optimizers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Run in its own process: float64 turns on JAX's 64-bit mode for the whole process.
FIVE_STEPS = r"""
import sys
import numpy as np
import kerax
from kerax import backend, optimizers
kerax.backend.set_floatx("float64")
import numpy_references as ref

rng = np.random.default_rng(0)
W, B = rng.normal(size=(3, 4)), rng.normal(size=(4,))
GW, GB = [rng.normal(size=(3, 4)) for _ in range(5)], [rng.normal(size=(4,)) for _ in range(5)]


def run(optimizer):
    w, b = backend.Variable(W, name="kernel"), backend.Variable(B, name="bias")
    for gw, gb in zip(GW, GB):
        optimizer.apply([gw, gb], [w, b])
    return w.numpy(), b.numpy()


cases = {
    "Adafactor": (optimizers.Adafactor(0.1), ref.adafactor(W, GW, lr=0.1), ref.adafactor(B, GB, lr=0.1)),
    "Lion": (optimizers.Lion(0.01, beta_1=0.8), ref.lion(W, GW, 0.01, 0.8), ref.lion(B, GB, 0.01, 0.8)),
    "Lamb": (optimizers.Lamb(0.01), ref.lamb(W, GW, 0.01), ref.lamb(B, GB, 0.01)),
    "Muon": (optimizers.Muon(0.01), ref.muon_matrix(W, GW, 0.01), ref.adamw(B, GB, 0.01)),
    "MuonNoNesterov": (optimizers.Muon(0.01, nesterov=False, rms_rate=None, weight_decay=None),
                       ref.muon_matrix(W, GW, 0.01, weight_decay=0.0, rms_rate=1.0 / 2, nesterov=False),
                       ref.adamw(B, GB, 0.01)),
    "ScheduleFreeAdamW": (optimizers.ScheduleFreeAdamW(0.01, warmup_steps=3),
                          ref.schedule_free_adamw(W, GW, 0.01, warmup_steps=3),
                          ref.schedule_free_adamw(B, GB, 0.01, warmup_steps=3)),
}
for name, (optimizer, expected_w, expected_b) in cases.items():
    w, b = run(optimizer)
    assert w.dtype == np.float64, w.dtype
    error = max(np.max(np.abs(w - expected_w) / np.abs(expected_w)),
                np.max(np.abs(b - expected_b) / np.abs(expected_b)))
    print(name, error)
"""


def test_five_steps_match_numpy_in_float64():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, HERE]), "KERAX_COMPILATION_CACHE": "0"}
    out = subprocess.run([sys.executable, "-c", FIVE_STEPS], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    errors = dict(line.split() for line in out.stdout.strip().splitlines())
    assert set(errors) == {"Adafactor", "Lion", "Lamb", "Muon", "MuonNoNesterov", "ScheduleFreeAdamW"}
    for name, error in errors.items():
        assert float(error) <= 1e-6, (name, error)


def test_muon_uses_adamw_for_embeddings_excluded_layers_and_non_matrices():
    optimizer = optimizers.Muon(exclude_layers=["head"])
    variables = {path: backend.Variable(np.ones(shape, "float32"), name=path.split("/")[-1])
                 for path, shape in [("dense/kernel", (3, 4)), ("dense/bias", (4,)),
                                     ("embedding/embeddings", (5, 2)), ("head/kernel", (4, 2))]}
    for path, variable in variables.items():
        variable.path = path
    optimizer.build(list(variables.values()))
    uses_adamw = {path: optimizer.adam_velocities[i] is not None for i, path in enumerate(variables)}
    assert uses_adamw == {"dense/kernel": False, "dense/bias": True, "embedding/embeddings": True,
                          "head/kernel": True}
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        optimizer.zeropower_via_newtonschulz5(np.ones(3, "float32"), 5)


def test_newton_schulz_output_is_nearly_orthogonal():
    x = np.random.default_rng(1).normal(size=(4, 8)).astype("float32")
    y = np.asarray(optimizers.Muon().zeropower_via_newtonschulz5(x, 5))
    singular_values = np.linalg.svd(y, compute_uv=False)
    assert np.all((singular_values > 0.6) & (singular_values < 1.25))  # Muon's quintic leaves them near 1


def test_adafactor_state_is_factored():
    optimizer = optimizers.Adafactor()
    kernel = backend.Variable(np.ones((3, 5), "float32"), name="k")
    bias = backend.Variable(np.ones(5, "float32"), name="b")
    optimizer.build([kernel, bias])
    assert [tuple(v.shape) for v in optimizer.variables[2:]] == [(3,), (5,), (3, 5), (5,)]


def test_invalid_arguments():
    with pytest.raises(ValueError, match="degenerates to SignSGD"):
        optimizers.Lion(beta_1=0.0)


NEW = [
    optimizers.Adafactor(0.01, beta_2_decay=-0.7, clip_threshold=2.0, relative_step=False),
    optimizers.Lion(0.002, beta_1=0.8, beta_2=0.95, weight_decay=0.1),
    optimizers.Lamb(0.003, epsilon=1e-6, global_clipnorm=1.0),
    optimizers.Muon(0.02, exclude_layers=["out"], ns_steps=3, rms_rate=None, use_ema=True),
    optimizers.ScheduleFreeAdamW(0.01, warmup_steps=10, gradient_accumulation_steps=2),
    optimizers.LossScaleOptimizer(optimizers.Adam(0.01), initial_scale=128.0, dynamic_growth_steps=10),
]


@pytest.mark.parametrize("optimizer", NEW, ids=lambda o: type(o).__name__)
def test_config_round_trip(optimizer):
    config = json.loads(json.dumps(optimizers.serialize(optimizer)))
    restored = optimizers.deserialize(config)
    assert type(restored) is type(optimizer)
    assert restored.get_config() == optimizer.get_config()
    assert type(optimizers.get(type(optimizer).__name__.lower()) if not isinstance(
        optimizer, optimizers.LossScaleOptimizer) else restored) is type(optimizer)


@pytest.mark.parametrize("make", [
    lambda: optimizers.Adafactor(0.05), lambda: optimizers.Lion(0.01), lambda: optimizers.Lamb(0.02),
    lambda: optimizers.Muon(0.02), lambda: optimizers.ScheduleFreeAdamW(0.02),
], ids=["Adafactor", "Lion", "Lamb", "Muon", "ScheduleFreeAdamW"])
def test_fit_lowers_the_loss_of_an_mlp(make, rng):
    x = rng.normal(size=(64, 4)).astype("float32")
    y = (x @ np.array([[1.0], [-1.0], [0.5], [0.0]]) + 0.5 * np.sin(x[:, :1])).astype("float32")
    model = kerax.Sequential([layers.Input((4,)), layers.Dense(16, activation="tanh"), layers.Dense(1)])
    model.compile(make(), "mse")
    losses = model.fit(x, y, batch_size=16, epochs=8, verbose=0).history["loss"]
    assert losses[-1] < 0.25 * losses[0], losses
