"""kerax.Function: a graph of operations between KerasTensors, applied to new values."""
import numpy as np
import pytest

import kerax
from kerax import ops


def test_function_computes_the_graph_on_new_values(rng):
    a, b = kerax.KerasTensor((None, 2, 3)), kerax.KerasTensor((None, 2, 3))
    fn = kerax.Function(inputs=[a, b], outputs=ops.sigmoid(a + b) * 2.0, name="fn")
    x1, x2 = rng.random((4, 2, 3)), rng.random((4, 2, 3))
    np.testing.assert_allclose(np.asarray(fn([x1, x2])), 2.0 / (1.0 + np.exp(-(x1 + x2))), rtol=1e-5)
    assert fn.name == "fn" and [op.name for op in fn.operations] == ["add", "sigmoid", "multiply"]
    assert fn.inputs == [a, b] and len(fn.outputs) == 1


def test_function_with_layers_and_nested_outputs(rng):
    inputs = kerax.Input((3,), name="x")
    dense = kerax.layers.Dense(2)
    hidden = dense(inputs)
    fn = kerax.Function(inputs, {"linear": hidden, "squared": ops.square(hidden)})
    x = rng.random((5, 3)).astype("float32")
    out = fn(x)
    kernel, bias = (w.numpy() for w in dense.weights)
    np.testing.assert_allclose(np.asarray(out["linear"]), x @ kernel + bias, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(out["squared"]), (x @ kernel + bias) ** 2, rtol=1e-5)
    assert fn.compute_output_shape((7, 3)) == {"linear": (7, 2), "squared": (7, 2)}


def test_function_called_on_keras_tensors_is_symbolic():
    a = kerax.KerasTensor((None, 4))
    fn = kerax.Function(a, ops.sum(a, axis=-1))
    out = fn(kerax.KerasTensor((6, 4)))
    assert isinstance(out, kerax.KerasTensor) and out.shape == (6,)


def test_function_errors():
    a = kerax.KerasTensor((None, 2))
    fn = kerax.Function([a], ops.exp(a))
    with pytest.raises(ValueError, match="invalid input structure"):
        fn(np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"expected shape \(None, 2\), but received instead a tensor "
                                         r"with shape \(3, 5\)"):
        fn([np.ones((3, 5))])
    with pytest.raises(ValueError, match="`outputs` argument cannot be empty"):
        kerax.Function([a], [])
    with pytest.raises(TypeError, match="must be KerasTensors"):
        kerax.Function([a], [np.ones(2)])
    other = kerax.KerasTensor((None, 2))
    with pytest.raises(ValueError, match="not connected to the inputs"):
        kerax.Function([a], a + other)
