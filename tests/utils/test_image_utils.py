import io

import numpy as np
import pytest
from PIL import Image

from kerax import utils
from kerax.preprocessing import image
from kerax.utils.image_resize import resize_image


def test_bilinear_and_nearest_use_half_pixel_centres():
    row = np.array([0.0, 10.0])[None, :, None]
    # Output pixel o samples input position (o + 0.5) / 2 - 0.5, clamped at the edges.
    np.testing.assert_allclose(resize_image(row, (1, 4))[0, :, 0], [0.0, 2.5, 7.5, 10.0])
    ramp = np.arange(8.0)[None, :, None]
    # Nearest picks input floor((o + 0.5) * 2) when halving.
    np.testing.assert_array_equal(resize_image(ramp, (1, 4), "nearest")[0, :, 0], [1, 3, 5, 7])
    np.testing.assert_allclose(resize_image(ramp, (1, 4), "area")[0, :, 0], [0.5, 2.5, 4.5, 6.5])


def test_cubic_kernels_reproduce_a_ramp_inside_and_every_kernel_keeps_the_size_identity():
    ramp = np.arange(8.0)[None, :, None]
    out = resize_image(ramp, (1, 16), "bicubic")[0, :, 0]
    positions = (np.arange(16) + 0.5) / 2 - 0.5
    np.testing.assert_allclose(out[3:-3], positions[3:-3], atol=1e-5)  # Keys cubic is exact on lines
    image_in = np.random.default_rng(0).random((5, 7, 2)).astype("float32")
    for method in ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian"):
        if method == "gaussian":  # a smoothing kernel: a constant image stays constant
            flat = np.full((5, 7, 2), 3.0)
            np.testing.assert_allclose(resize_image(flat, (9, 4), method), 3.0, rtol=1e-6)
            continue
        np.testing.assert_allclose(resize_image(image_in, (5, 7), method), image_in, atol=1e-6)


def test_crop_and_pad_to_aspect_ratio():
    x = np.arange(4 * 8, dtype="float32").reshape(4, 8, 1)
    cropped = resize_image(x, (4, 4), "nearest", crop_to_aspect_ratio=True)
    np.testing.assert_array_equal(cropped, x[:, 2:6])  # the centred 4x4 window
    padded = resize_image(x, (8, 8), "nearest", pad_to_aspect_ratio=True)
    np.testing.assert_array_equal(padded[2:6], x)
    np.testing.assert_array_equal(padded[:2], 0)
    np.testing.assert_array_equal(padded[6:], 0)
    np.testing.assert_array_equal(image.smart_resize(x, (4, 4), interpolation="nearest"), x[:, 2:6])
    with pytest.raises(ValueError, match="Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio`"):
        resize_image(x, (2, 2), crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)


def test_save_load_round_trip_and_conversions(tmp_path):
    pixels = np.random.default_rng(1).integers(0, 256, (6, 4, 3)).astype("float32")
    path = tmp_path / "a.png"
    utils.save_img(path, pixels, scale=False)
    img = utils.load_img(path)
    assert img.size == (4, 6) and img.mode == "RGB"
    np.testing.assert_array_equal(utils.img_to_array(img), pixels)
    assert utils.img_to_array(img, data_format="channels_first").shape == (3, 6, 4)
    gray = utils.img_to_array(utils.load_img(path, color_mode="grayscale"))
    r, g, b = pixels.astype(int).transpose(2, 0, 1)
    # Pillow's ITU-R 601-2 luma in 16-bit fixed point.
    np.testing.assert_array_equal(gray[..., 0], (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16)
    resized = utils.load_img(path, target_size=(3, 2), interpolation="nearest")
    assert resized.size == (2, 3)
    with open(path, "rb") as f:
        assert image.load_img(io.BytesIO(f.read())).size == (4, 6)


def test_array_to_img_scaling_and_errors():
    img = utils.array_to_img(np.array([[[0.0], [0.5]], [[1.0], [0.25]]]))
    assert img.mode == "L" and np.asarray(img).tolist() == [[0, 127], [255, 63]]
    assert utils.array_to_img(np.full((2, 2, 1), 1000.0), scale=False).mode == "I"
    assert utils.array_to_img(np.zeros((2, 2, 4))).mode == "RGBA"
    with pytest.raises(ValueError, match="Expected image array to have rank 3"):
        utils.array_to_img(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="Invalid interpolation method cubic"):
        utils.load_img(io.BytesIO(_png_bytes()), target_size=(1, 1), interpolation="cubic")
    with pytest.raises(TypeError, match="path should be path-like or io.BytesIO"):
        utils.load_img(3)


def _png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, format="png")
    return buffer.getvalue()
