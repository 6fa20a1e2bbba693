"""model.export / ExportArchive: an artifact a fresh process runs without the model's code, for any batch
size, with the same numbers as the model."""
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.export import ExportArchive, load_archive


class Doubling(layers.Layer):
    """A custom layer the reloading process never sees."""

    def call(self, x):
        return x * 2.0


@pytest.fixture
def model():
    inputs = kerax.Input((6, 6, 3))
    x = layers.Conv2D(4, 3, padding="same")(inputs)
    x = layers.BatchNormalization()(x)
    x = Doubling()(x)
    x = layers.Dropout(0.5)(layers.GlobalAveragePooling2D()(x))
    return kerax.Model(inputs, layers.Dense(2)(x))


def test_a_fresh_process_runs_the_export_without_the_model_code(model, tmp_path, rng):
    model.layers[2].moving_mean.assign(np.full(4, 0.3, "float32"))  # inference-mode batch norm is exported
    model.export(tmp_path / "artifact", verbose=False)
    x = rng.normal(size=(5, 6, 6, 3)).astype("float32")
    np.save(tmp_path / "x.npy", x)
    script = textwrap.dedent(f"""
        import numpy as np
        from kerax.export import load_archive
        archive = load_archive({str(tmp_path / "artifact")!r})
        np.save({str(tmp_path / "y.npy")!r}, np.asarray(archive.serve(np.load({str(tmp_path / "x.npy")!r}))))
        print(archive.endpoint_names, len(archive.variables))
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Doubling" not in script and done.stdout.split() == ["['serve']", str(len(model.variables))]
    np.testing.assert_allclose(np.load(tmp_path / "y.npy"), model.predict(x, verbose=0), rtol=1e-5, atol=1e-6)


def test_any_batch_size_and_the_weights(model, tmp_path, rng):
    model.export(tmp_path / "artifact", verbose=False)
    archive = load_archive(tmp_path / "artifact")
    for batch in (1, 3):
        x = rng.normal(size=(batch, 6, 6, 3)).astype("float32")
        np.testing.assert_allclose(np.asarray(archive.serve(x)), model(x), rtol=1e-5, atol=1e-6)
    for saved, variable in zip(archive.variables, model.variables, strict=True):
        np.testing.assert_array_equal(saved, variable.numpy())


def test_endpoints_with_structured_inputs(tmp_path, rng):
    a, b = kerax.Input((3,), name="a"), kerax.Input((2,), name="b")
    model = kerax.Model([a, b], layers.Dense(1)(layers.Concatenate()([a, b])))
    archive = ExportArchive()
    archive.track(model)
    archive.add_endpoint("serve", lambda pair: model(pair), [[kerax.InputSpec(shape=(None, 3)),
                                                              kerax.InputSpec(shape=(None, 2))]])
    archive.add_endpoint("by_name", lambda scale, parts: model([parts["a"], parts["b"]]) * scale,
                         [kerax.InputSpec(shape=(), dtype="float32"),
                          {"a": kerax.InputSpec(shape=(None, 3)), "b": kerax.InputSpec(shape=(None, 2))}])
    archive.write_out(tmp_path / "artifact", verbose=False)
    reloaded = load_archive(tmp_path / "artifact")
    x, y = rng.normal(size=(4, 3)).astype("float32"), rng.normal(size=(4, 2)).astype("float32")
    expected = np.asarray(model([x, y]))
    np.testing.assert_allclose(np.asarray(reloaded.serve([x, y])), expected, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(reloaded.by_name(np.float32(3.0), {"a": x, "b": y})), 3 * expected,
                               rtol=1e-6)
    assert reloaded.endpoint_names == ["by_name", "serve"]


def test_errors(model, tmp_path):
    archive = ExportArchive()
    with pytest.raises(ValueError, match="pass `input_signature`"):
        archive.add_endpoint("serve", model)
    with pytest.raises(ValueError, match="No endpoints to write"):
        archive.write_out(tmp_path / "empty")
    with pytest.raises(NotImplementedError, match="format='tf_saved_model'.*Use format='kerax'"):
        model.export(tmp_path / "tf", format="tf_saved_model")
    with pytest.raises(ValueError, match="is not a kerax export archive"):
        load_archive(tmp_path)
    with pytest.raises(NotImplementedError, match=r"model.quantize\('gptq'\) is not implemented in kerax"):
        model.quantize("gptq")
