"""keras.utils.FeatureSpace: every feature kind against NumPy, crosses, dict/concat outputs, adapt on a
kerax.data.Dataset, save/load, and the keras.io "Structured data classification with FeatureSpace" flow
(adapt, Dataset.map, a training model on the encoded features, an inference model on raw dicts) on
synthetic data."""
import numpy as np
import pytest

import kerax as keras
from kerax.utils import FeatureSpace


def _data(n=64, seed=0):
    rng = np.random.default_rng(seed)
    return {"color": rng.choice(["red", "green", "blue"], n), "size": rng.integers(0, 4, n),
            "weight": rng.normal(10.0, 2.0, n).astype("float32"),
            "age": rng.uniform(0, 100, n).astype("float32"),
            "price": rng.uniform(0, 50, n).astype("float32"), "raw": rng.uniform(-1, 1, n).astype("float32"),
            "tag": rng.choice(["a", "b", "c", "d"], n), "code": rng.integers(0, 1000, n)}


def _space(**kwargs):
    return FeatureSpace(features={
        "color": FeatureSpace.string_categorical(num_oov_indices=0),
        "size": "integer_categorical",
        "weight": "float_normalized",
        "age": FeatureSpace.float_discretized(num_bins=4),
        "price": FeatureSpace.float_rescaled(scale=0.1, offset=1.0),
        "raw": "float",
        "tag": FeatureSpace.string_hashed(num_bins=8),
        "code": "integer_hashed",
    }, crosses=[("color", "size")], crossing_dim=5, hashing_dim=6, **kwargs)


def test_each_kind_encodes_as_its_numpy_formula():
    data = _data()
    space = _space(output_mode="dict")
    space.adapt(keras.data.Dataset.from_tensor_slices(data).batch(16))
    out = {key: np.asarray(value) for key, value in space(data).items()}
    assert sorted(out) == ["age", "code", "color", "color_X_size", "price", "raw", "size", "tag", "weight"]
    colors = sorted(set(data["color"]), key=lambda c: (-np.sum(data["color"] == c), c))
    np.testing.assert_array_equal(out["color"], np.eye(3)[[colors.index(c) for c in data["color"]]])
    assert out["size"].shape == (64, 5)  # one OOV index + 4 values
    np.testing.assert_array_equal(out["size"].sum(axis=1), 1)
    w = data["weight"]
    np.testing.assert_allclose(out["weight"][:, 0], (w - w.mean()) / w.std(), rtol=1e-3, atol=1e-3)
    bins = np.digitize(data["age"], space.preprocessors["age"].bin_boundaries)
    np.testing.assert_array_equal(out["age"], np.eye(4)[bins])
    np.testing.assert_allclose(out["price"][:, 0], data["price"] * 0.1 + 1.0, rtol=1e-6)
    np.testing.assert_allclose(out["raw"][:, 0], data["raw"])
    assert out["tag"].shape == (64, 8) and out["code"].shape == (64, 6)
    assert out["color_X_size"].shape == (64, 5)
    for key in ("tag", "code", "color_X_size"):
        np.testing.assert_array_equal(out[key].sum(axis=1), 1)
    same = (data["color"][:, None] == data["color"][None]) & (data["size"][:, None] == data["size"][None])
    crossed = out["color_X_size"].argmax(axis=1)
    assert np.all((crossed[:, None] == crossed[None])[same])  # equal pairs land in the same bin


def test_concat_unbatched_int_mode_and_errors():
    data = _data()
    space = _space()
    with pytest.raises(ValueError, match="adapt"):
        space(data)
    space.adapt(keras.data.Dataset.from_tensor_slices(data))  # unbatched scalars
    full = np.asarray(space(data))
    assert full.shape == (64, 3 + 1 + 4 + 1 + 5 + 1 + 5 + 8 + 6)
    one = np.asarray(space({key: value[3] for key, value in data.items()}))
    np.testing.assert_allclose(one, full[3], rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="only be called with a dict"):
        space([1, 2])
    with pytest.raises(ValueError, match="kerax.data.Dataset"):
        space.adapt(data)
    ints = FeatureSpace({"size": FeatureSpace.integer_categorical(output_mode="int")}, output_mode="concat")
    with pytest.raises(ValueError, match="Cannot concatenate features because feature 'size'"):
        ints.adapt(keras.data.Dataset.from_tensor_slices({"size": data["size"]}).batch(8))
    with pytest.raises(ValueError, match="Invalid feature type"):
        FeatureSpace({"x": "floaty"})


def test_saved_and_loaded_feature_space(tmp_path):
    data = _data()
    space = _space()
    space.adapt(keras.data.Dataset.from_tensor_slices(data).batch(32))
    space.save(tmp_path / "space.keras")
    loaded = keras.saving.load_model(tmp_path / "space.keras")
    assert isinstance(loaded, FeatureSpace)
    np.testing.assert_allclose(loaded(data), space(data), rtol=1e-6)
    clone = FeatureSpace.from_config(space.get_config())
    assert clone.get_config()["features"]["color"]["config"]["preprocessor"]["config"]["vocabulary"]


def test_structured_data_classification_example(tmp_path):
    """keras.io's example flow: adapt on the dataset without labels, map the FeatureSpace over it, train a
    model on the encoded features, then predict on raw dicts with the inference model, saved and reloaded."""
    rng = np.random.default_rng(1)
    n = 256
    frame = {"sex": rng.integers(0, 2, n), "cp": rng.integers(0, 4, n), "ca": rng.integers(0, 3, n),
             "thal": rng.choice(["fixed", "normal", "reversible"], n), "age": rng.uniform(30, 75, n),
             "chol": rng.normal(240, 40, n), "thalach": rng.normal(150, 20, n)}
    target = ((frame["age"] > 55) ^ (frame["thal"] == "normal")).astype("float32")
    train_ds = keras.data.Dataset.from_tensor_slices((frame, target)).shuffle(n, seed=0).batch(32)
    feature_space = FeatureSpace(
        features={"sex": FeatureSpace.integer_categorical(num_oov_indices=0),
                  "cp": FeatureSpace.integer_categorical(num_oov_indices=0),
                  "ca": FeatureSpace.integer_categorical(num_oov_indices=0),
                  "thal": FeatureSpace.string_categorical(num_oov_indices=0),
                  "age": FeatureSpace.float_discretized(num_bins=10),
                  "chol": FeatureSpace.float_normalized(), "thalach": FeatureSpace.float_normalized()},
        crosses=[FeatureSpace.cross(feature_names=("sex", "age"), crossing_dim=16),
                 FeatureSpace.cross(feature_names=("thal", "ca"), crossing_dim=8)],
        output_mode="concat")
    feature_space.adapt(train_ds.map(lambda x, _: x))
    preprocessed_train_ds = train_ds.map(lambda x, y: (feature_space(x), y))
    dict_inputs = feature_space.get_inputs()
    encoded_features = feature_space.get_encoded_features()
    x = keras.layers.Dense(16, activation="relu")(encoded_features)
    predictions = keras.layers.Dense(1, activation="sigmoid")(x)
    training_model = keras.Model(inputs=encoded_features, outputs=predictions)
    training_model.compile(optimizer=keras.optimizers.Adam(0.03), loss="binary_crossentropy",
                           metrics=["accuracy"])
    inference_model = keras.Model(inputs=dict_inputs, outputs=predictions)
    history = training_model.fit(preprocessed_train_ds, epochs=6, verbose=0)
    assert history.history["accuracy"][-1] > 0.85
    sample = {key: keras.ops.convert_to_tensor([value[0]]) for key, value in frame.items() if key != "thal"}
    sample["thal"] = np.array([frame["thal"][0]])
    expected = training_model.predict(np.asarray(feature_space(frame))[:1], verbose=0)
    np.testing.assert_allclose(inference_model.predict(sample, verbose=0), expected, rtol=1e-5)
    inference_model.save(tmp_path / "inference.keras")
    reloaded = keras.saving.load_model(tmp_path / "inference.keras")
    np.testing.assert_allclose(reloaded.predict(sample, verbose=0), expected, rtol=1e-5)
