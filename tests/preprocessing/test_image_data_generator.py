import os

import numpy as np
import pytest
from PIL import Image

import kerax
from kerax import layers
from kerax.preprocessing import image
from kerax.preprocessing.image import ImageDataGenerator

ROWS, COLS, CHANNELS = 0, 1, 2  # axes of one channels_last image


def test_flips_are_array_reversals():
    x = np.random.default_rng(0).random((4, 5, 3)).astype("float32")
    gen = ImageDataGenerator()
    np.testing.assert_array_equal(gen.apply_transform(x, {"flip_horizontal": True}), x[:, ::-1])
    np.testing.assert_array_equal(gen.apply_transform(x, {"flip_vertical": True}), x[::-1])
    first = ImageDataGenerator(data_format="channels_first")
    np.testing.assert_array_equal(first.apply_transform(x.transpose(2, 0, 1), {"flip_horizontal": True}),
                                  x[:, ::-1].transpose(2, 0, 1))


def test_whole_pixel_shift_with_constant_fill_is_a_roll_and_fill():
    x = np.arange(4 * 5 * 2, dtype="float32").reshape(4, 5, 2)
    shifted = image.apply_affine_transform(x, tx=2, row_axis=ROWS, col_axis=COLS, channel_axis=CHANNELS,
                                           fill_mode="constant", cval=-1.0)
    expected = np.roll(x, -2, axis=COLS)  # tx moves the columns (Keras's convention)
    expected[:, -2:] = -1.0
    np.testing.assert_allclose(shifted, expected, atol=1e-5)
    shifted = image.apply_affine_transform(x, ty=-1, row_axis=ROWS, col_axis=COLS, channel_axis=CHANNELS,
                                           fill_mode="constant", cval=0.0)
    expected = np.roll(x, 1, axis=ROWS)
    expected[0] = 0.0
    np.testing.assert_allclose(shifted, expected, atol=1e-5)


def test_quarter_turn_is_rot90_and_nearest_fill_repeats_the_edge():
    x = np.random.default_rng(1).random((5, 5, 1)).astype("float32")
    turned = image.apply_affine_transform(x, theta=90, row_axis=ROWS, col_axis=COLS, channel_axis=CHANNELS)
    np.testing.assert_allclose(turned, np.rot90(x, 1, axes=(0, 1)), atol=1e-5)
    shifted = image.apply_affine_transform(x, tx=1, row_axis=ROWS, col_axis=COLS, channel_axis=CHANNELS)
    np.testing.assert_allclose(shifted[:, -1], x[:, -1], atol=1e-5)


def test_random_parameters_come_from_numpy_in_tf_keras_order():
    gen = ImageDataGenerator(rotation_range=20, height_shift_range=0.1, width_shift_range=[3],
                             shear_range=5, zoom_range=0.2, horizontal_flip=True, channel_shift_range=4.0)
    params = gen.get_random_transform((10, 20, 3), seed=9)
    np.random.seed(9)
    theta = np.random.uniform(-20, 20)
    tx = np.random.uniform(-0.1, 0.1) * 10  # a float range: a fraction of the height
    ty = 3 * np.random.choice([-1, 1])  # a list: one of its values, with a random sign
    shear = np.random.uniform(-5, 5)
    zx, zy = np.random.uniform(0.8, 1.2, 2)
    flip = np.random.random() < 0.5
    np.random.random()
    shift = np.random.uniform(-4.0, 4.0)
    assert params["theta"] == theta and params["tx"] == tx and params["ty"] == ty
    assert (params["shear"], params["zx"], params["zy"]) == (shear, zx, zy)
    assert bool(params["flip_horizontal"]) == flip and not params["flip_vertical"]
    assert params["channel_shift_intensity"] == shift


def test_channel_shift_and_brightness():
    x = np.array([[[10.0, 20.0], [100.0, 200.0]]])
    np.testing.assert_array_equal(image.apply_channel_shift(x, 50.0, 2), np.clip(x + 50.0, 10.0, 200.0))
    even = np.array([[[0.0, 2.0, 4.0], [100.0, 200.0, 254.0]]])
    np.testing.assert_allclose(image.apply_brightness_shift(even, 0.5, scale=False), even * 0.5)
    with pytest.raises(ValueError, match="brightness_range should be tuple or list of two floats"):
        image.random_brightness(even, (0.5,))


def test_featurewise_and_samplewise_normalization():
    rng = np.random.default_rng(2)
    x = rng.random((6, 3, 4, 3)).astype("float32") * 255
    gen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True, rescale=0.5)
    gen.fit(x)
    scaled = x * 0.5
    mean = scaled.mean(axis=(0, 1, 2))
    std = (scaled - mean).std(axis=(0, 1, 2))
    np.testing.assert_allclose(gen.mean.ravel(), mean, rtol=1e-5)
    np.testing.assert_allclose(gen.standardize(x[0].copy()), (x[0] * 0.5 - mean) / (std + 1e-6), rtol=1e-4,
                               atol=1e-4)
    with pytest.warns(UserWarning, match="overrides setting of `samplewise_center`"):
        sample = ImageDataGenerator(samplewise_std_normalization=True)
    assert sample.samplewise_center  # implied, as in tf.keras
    np.testing.assert_allclose(sample.standardize(x[1].copy()), (x[1] - x[1].mean()) / (x[1].std() + 1e-6),
                               rtol=1e-4, atol=1e-5)
    with pytest.warns(UserWarning, match="hasn't been fit on any training data"):
        ImageDataGenerator(featurewise_center=True).standardize(x[0].copy())


def test_zca_whitening_decorrelates_the_fitted_data():
    x = np.random.default_rng(3).normal(size=(200, 2, 2, 1)).astype("float32")
    x[..., 0, 1, 0] += 2 * x[..., 0, 0, 0]  # correlated pixels
    with pytest.warns(UserWarning, match="overrides setting of `featurewise_center`"):
        gen = ImageDataGenerator(zca_whitening=True, zca_epsilon=1e-9)
    gen.fit(x)
    white = np.stack([gen.standardize(v.copy()) for v in x]).reshape(200, -1)
    # The centring is per channel (tf.keras's), so the whitened second moment, not the covariance, is I.
    np.testing.assert_allclose(white.T @ white / len(white), np.eye(4), atol=1e-3)
    np.testing.assert_allclose(gen.zca_whitening_matrix, gen.zca_whitening_matrix.T, atol=1e-4)


def test_flow_batches_subsets_and_errors():
    x = np.arange(10 * 2 * 2 * 1, dtype="float32").reshape(10, 2, 2, 1)
    y = np.arange(10) % 2
    it = ImageDataGenerator().flow(x, y, batch_size=4, shuffle=False)
    assert len(it) == 3
    batch_x, batch_y = it[2]
    np.testing.assert_array_equal(batch_x, x[8:])
    np.testing.assert_array_equal(batch_y, y[8:])
    val = ImageDataGenerator(validation_split=0.2).flow(x, y, shuffle=False, subset="validation")
    np.testing.assert_array_equal(val[0][0], x[:2])  # the first 20% is the validation part
    (imgs, extra), _ = ImageDataGenerator().flow((x, y * 10), y, shuffle=False, batch_size=3)[0]
    np.testing.assert_array_equal(extra, [0, 10, 0])
    a = ImageDataGenerator(rotation_range=30).flow(x, y, seed=5, batch_size=5)
    b = ImageDataGenerator(rotation_range=30).flow(x, y, seed=5, batch_size=5)
    np.testing.assert_array_equal(a[0][0], b[0][0])
    with pytest.raises(ValueError, match="should have rank 4"):
        ImageDataGenerator().flow(x[0], None)
    with pytest.raises(ValueError, match=r"`x` \(images tensor\) and `y` \(labels\) should have the same"):
        ImageDataGenerator().flow(x, y[:3])
    with pytest.raises(ValueError, match="`zoom_range` should be a float or a tuple or list of two floats"):
        ImageDataGenerator(zoom_range=(1, 2, 3))
    with pytest.raises(ValueError, match="Asked to retrieve element 3, but the Sequence has length 3"):
        it[3]


def _folder(root):
    for name, value in (("cats", 60), ("dogs", 200)):
        os.makedirs(root / name)
        for i in range(5):
            Image.fromarray(np.full((6, 8, 3), value + i, dtype=np.uint8)).save(root / name / f"{i}.png")
    return root


def test_flow_from_directory_labels_split_and_fit(tmp_path):
    root = _folder(tmp_path)
    gen = ImageDataGenerator(rescale=1 / 255.0, horizontal_flip=True, validation_split=0.4)
    train = gen.flow_from_directory(root, target_size=(6, 8), batch_size=4, seed=1, subset="training")
    val = gen.flow_from_directory(root, target_size=(6, 8), batch_size=4, shuffle=False, subset="validation",
                                  class_mode="sparse")
    assert train.class_indices == {"cats": 0, "dogs": 1} and train.samples == 6 and val.samples == 4
    assert val.filenames == [os.path.join("cats", "0.png"), os.path.join("cats", "1.png"),
                             os.path.join("dogs", "0.png"), os.path.join("dogs", "1.png")]
    batch_x, batch_y = val[0]
    np.testing.assert_allclose(batch_x[:, 0, 0, 0], np.array([60, 61, 200, 201]) / 255.0, rtol=1e-6)
    np.testing.assert_array_equal(batch_y, [0, 0, 1, 1])
    x, y = train[0]
    assert x.shape == (4, 6, 8, 3) and y.shape == (4, 2) and np.all(y.sum(axis=1) == 1)
    model = kerax.Sequential([layers.Input((6, 8, 3)), layers.Flatten(),
                              layers.Dense(2, activation="softmax")])
    model.compile("adam", "categorical_crossentropy")
    history = model.fit(train, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2 and np.isfinite(history.history["loss"]).all()


def test_flow_from_dataframe(tmp_path):
    pd = pytest.importorskip("pandas")  # an optional dependency of flow_from_dataframe, as in tf.keras
    root = _folder(tmp_path)
    frame = pd.DataFrame({"filename": ["cats/0.png", "dogs/3.png", "missing.png", "dogs/1.png"],
                          "class": ["c", "d", "d", "d"], "w": [1.0, 2.0, 3.0, 4.0]})
    with pytest.warns(UserWarning, match="Found 1 invalid image filename"):
        it = ImageDataGenerator().flow_from_dataframe(frame, str(root), weight_col="w", target_size=(6, 8),
                                                      class_mode="binary", shuffle=False)
    x, y, w = it[0]
    np.testing.assert_array_equal(x[:, 0, 0, 0], [60, 203, 201])
    np.testing.assert_array_equal(y, [0, 1, 1])
    np.testing.assert_array_equal(w, [1.0, 2.0, 4.0])
