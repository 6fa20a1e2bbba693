"""EinsumDense (every equation form Keras documents), Identity, Wrapper and ReversibleEmbedding: values
against NumPy, Keras's weight shapes, models, configs, `.keras` files, and one training run."""
import numpy as np
import pytest

import kerax
from kerax import layers

RNG = np.random.default_rng(7)
X2 = RNG.normal(size=(3, 4)).astype("float32")
X3 = RNG.normal(size=(2, 5, 4)).astype("float32")
X4 = RNG.normal(size=(2, 3, 4, 2)).astype("float32")
IDS = np.array([[1, 4, 0], [2, 3, 5]], "int32")


def np_einsum_dense(equation, activation=lambda y: y):
    def reference(layer, x):
        weights = layer.get_weights()
        y = np.einsum(equation, x, weights[0])
        return activation(y + weights[1] if len(weights) > 1 else y).astype("float32")

    return reference


CASES = {
    "dense_like": dict(make=lambda: layers.EinsumDense("ab,bc->ac", 3, bias_axes="c", activation="relu"),
                       inputs=X2, reference=np_einsum_dense("ab,bc->ac", lambda y: np.maximum(y, 0))),
    "per_step_matrix": dict(make=lambda: layers.EinsumDense("abc,cde->abde", (5, 2, 3), bias_axes="de"),
                            inputs=X3, reference=np_einsum_dense("abc,cde->abde")),
    "left_ellipsis": dict(make=lambda: layers.EinsumDense("...b,bc->...c", 6, bias_axes="c"), inputs=X4,
                          reference=np_einsum_dense("...b,bc->...c")),
    "right_ellipsis": dict(make=lambda: layers.EinsumDense("abc...,cd->abd...", (None, 3), bias_axes="d"),
                           inputs=X4, reference=np_einsum_dense("abc...,cd->abd...")),
    "no_bias_contract_two_axes": dict(make=lambda: layers.EinsumDense("abc,bcd->ad", 2), inputs=X3,
                                      reference=np_einsum_dense("abc,bcd->ad")),
    "identity": dict(make=layers.Identity, inputs=X3, reference=lambda layer, x: x),
    "reversible_embedding_forward": dict(make=lambda: layers.ReversibleEmbedding(6, 3, tie_weights=False),
                                         inputs=IDS,
                                         reference=lambda layer, ids: layer.get_weights()[0][ids]),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


@pytest.mark.parametrize("equation, output_shape, bias_axes, input_shape, kernel, bias, output", [
    ("ab,bc->ac", 64, "c", (None, 32), (32, 64), (64,), (None, 64)),
    ("abc,cd->abd", (None, 64), "d", (None, 32, 128), (128, 64), (64,), (None, 32, 64)),
    ("abc,cde->abde", (None, 4, 16), "de", (None, 32, 8), (8, 4, 16), (4, 16), (None, 32, 4, 16)),
    ("...b,bc->...c", 64, "c", (None, 32, 128), (128, 64), (64,), (None, 32, 64)),
    ("abc...,cd->abd...", (None, 64), "b", (None, 32, 128, 5), (128, 64), (32, 1, 1), (None, 32, 64, 5)),
], ids=["dense", "sequence", "heads", "left_ellipsis", "right_ellipsis_bias_b"])
def test_keras_weight_and_output_shapes(equation, output_shape, bias_axes, input_shape, kernel, bias, output):
    layer = layers.EinsumDense(equation, output_shape, bias_axes=bias_axes)
    layer.build(input_shape)
    assert [(w.name, w.shape) for w in layer.weights] == [("kernel", kernel), ("bias", bias)]
    assert layer.compute_output_shape(input_shape) == output


def test_equation_errors():
    for equation, output_shape, message in [
        ("ab,bc", 3, r"invalid equation 'ab,bc'"),
        ("ab,bc->ad", 3, r"output axis 'd' of 'ab,bc->ad' is in neither the input nor the kernel"),
        ("ab,bcx->ac", 3, r"kernel axis 'x' .* is in neither the input nor the output"),
        ("ab,bc->ac", (5,), None),
    ]:
        layer = layers.EinsumDense(equation, output_shape, bias_axes="q" if message is None else None)
        with pytest.raises(ValueError, match=message or r"bias axis 'q' is not an axis of the output 'ac'"):
            layer.build((None, 4))
    with pytest.raises(ValueError, match=r"differ on the shared axis 'b'"):
        layers.EinsumDense("abc,cd->abd", (7, 2)).build((None, 5, 4))


def test_identity_keeps_structures_and_dtypes():
    tokens = kerax.Input((3,), dtype="int32")
    values = kerax.Input((2,))
    outputs = layers.Identity()({"tokens": tokens, "values": values})
    assert outputs["tokens"].dtype == "int32" and outputs["values"].shape == (None, 2)
    mask = np.array([[True, False, True]])
    assert layers.Identity().compute_mask(tokens, mask) is mask


def test_wrapper_builds_and_serializes_the_wrapped_layer():
    class Twice(layers.Wrapper):
        def call(self, inputs):
            return self.layer(self.layer(inputs))

    wrapper = Twice(layers.Dense(4, use_bias=False, name="inner"), name="twice")
    x = RNG.normal(size=(2, 4)).astype("float32")
    out = np.asarray(wrapper(x))
    (kernel,) = wrapper.get_weights()
    np.testing.assert_allclose(out, x @ kernel @ kernel, rtol=1e-5)
    config = wrapper.get_config()
    assert config["layer"]["class_name"] == "Dense" and config["layer"]["config"]["name"] == "inner"
    assert Twice.from_config(config).get_config() == config
    assert isinstance(layers.TimeDistributed(layers.Dense(2)), layers.Wrapper)
    with pytest.raises(ValueError, match=r"Twice: `layer` must be a layer instance"):
        Twice(3)


def test_reversible_embedding_reverse(tmp_path):
    tokens = kerax.Input((3,), dtype="int32")
    embedding = layers.ReversibleEmbedding(6, 4, mask_zero=True, logit_soft_cap=2.0)
    hidden = embedding(tokens)
    logits = embedding(layers.Dense(4)(hidden), reverse=True)
    assert hidden.shape == (None, 3, 4) and logits.shape == (None, 3, 6)
    model = kerax.Model(tokens, logits)
    table = embedding.get_weights()[0]
    kernel, bias = model.layers[2].get_weights()
    expected = 2.0 * np.tanh((table[IDS] @ kernel + bias) @ table.T / 2.0)
    np.testing.assert_allclose(model(IDS), expected, rtol=1e-5, atol=1e-6)
    assert [w.name for w in embedding.weights] == ["embeddings"]  # tied: the reverse kernel is embeddings.T
    assert embedding.compute_mask(IDS) is not None and embedding.compute_mask(X3) is None
    model.save(str(tmp_path / "lm.keras"))
    np.testing.assert_allclose(kerax.models.load_model(str(tmp_path / "lm.keras"))(IDS), expected, rtol=1e-5,
                               atol=1e-6)


def test_reversible_embedding_untied_and_config():
    layer = layers.ReversibleEmbedding(5, 2, tie_weights=False, reverse_dtype="float32")
    layer.build((None, 3))
    assert [(w.name, w.shape) for w in layer.weights] == [("embeddings", (5, 2)),
                                                          ("reverse_embeddings", (2, 5))]
    x = RNG.normal(size=(2, 2)).astype("float32")
    np.testing.assert_allclose(layer(x, reverse=True), x @ layer.reverse_embeddings.numpy(), rtol=1e-5)
    config = layer.get_config()
    assert (config["tie_weights"], config["reverse_dtype"], config["logit_soft_cap"]) == (False, "float32",
                                                                                          None)


def test_fit_under_compilation(rng):
    tokens = kerax.Input((5,), dtype="int32")
    embedding = layers.ReversibleEmbedding(7, 4)
    heads = layers.EinsumDense("abc,cde->abde", (5, 2, 3), bias_axes="de",
                               activation="tanh")(embedding(tokens))
    mixed = layers.EinsumDense("abde,dec->abc", (5, 4), bias_axes="c")(layers.Identity()(heads))
    model = kerax.Model(tokens, embedding(mixed, reverse=True))
    model.compile(optimizer="sgd", loss=kerax.losses.SparseCategoricalCrossentropy(from_logits=True))
    before = model.get_weights()
    ids = rng.integers(0, 7, size=(8, 5))
    history = model.fit(ids, ids, batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert all(not np.allclose(a, b) for a, b in zip(before, model.get_weights()))
