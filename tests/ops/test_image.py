"""kerax.ops.image against independent computations: NumPy formulas written here, colorsys and Pillow."""
import colorsys

import numpy as np
import pytest
from PIL import Image

import kerax
from kerax import ops

image_ops = ops.image


def _bilinear_reference(image, rows, cols, fill=0.0):
    """image [H, W] read at float (rows, cols), with `fill` outside, by the textbook bilinear formula."""
    height, width = image.shape
    r0, c0 = np.floor(rows).astype(int), np.floor(cols).astype(int)
    out = np.zeros(rows.shape)
    for dr in (0, 1):
        for dc in (0, 1):
            r, c = r0 + dr, c0 + dc
            weight = (1 - np.abs(rows - r)) * (1 - np.abs(cols - c))
            inside = (r >= 0) & (r < height) & (c >= 0) & (c < width)
            values = np.where(inside, image[np.clip(r, 0, height - 1), np.clip(c, 0, width - 1)], fill)
            out += weight * values
    return out


def _half_pixel_bilinear(image, size):
    """Plain (not antialiased) bilinear resize with half-pixel centres, edge samples clamped."""
    rows = np.clip((np.arange(size[0]) + 0.5) * image.shape[0] / size[0] - 0.5, 0, image.shape[0] - 1)
    cols = np.clip((np.arange(size[1]) + 0.5) * image.shape[1] / size[1] - 0.5, 0, image.shape[1] - 1)
    return _bilinear_reference(image, *np.meshgrid(rows, cols, indexing="ij"))


def test_rgb_to_grayscale_uses_luma_weights(rng):
    x = rng.random((2, 4, 5, 3)).astype("float32")
    expected = x @ np.array([0.2989, 0.5870, 0.1140], dtype="float32")
    np.testing.assert_allclose(np.asarray(image_ops.rgb_to_grayscale(x)), expected[..., None], rtol=1e-6)
    first = np.moveaxis(x, -1, 1)
    np.testing.assert_allclose(np.asarray(image_ops.rgb_to_grayscale(first, data_format="channels_first")),
                               expected[:, None], rtol=1e-6)
    gray = rng.random((4, 4, 1)).astype("float32")
    np.testing.assert_array_equal(np.asarray(image_ops.rgb_to_grayscale(gray)), gray)
    with pytest.raises(ValueError, match="expected 1 or 3 channels"):
        image_ops.rgb_to_grayscale(np.zeros((4, 4, 2)))
    with pytest.raises(ValueError, match="Invalid images rank"):
        image_ops.rgb_to_grayscale(np.zeros((4, 3)))


def test_hsv_conversions_match_colorsys(rng):
    x = rng.random((3, 4, 3)).astype("float32")
    x[0, 0] = [0.5, 0.5, 0.5]  # grey: hue and saturation 0
    x[0, 1] = [0.0, 0.0, 0.0]
    expected = np.array([colorsys.rgb_to_hsv(*p) for p in x.reshape(-1, 3)]).reshape(x.shape)
    hsv = np.asarray(image_ops.rgb_to_hsv(x))
    np.testing.assert_allclose(hsv, expected, atol=1e-5)
    back = np.array([colorsys.hsv_to_rgb(*p) for p in expected.reshape(-1, 3)]).reshape(x.shape)
    np.testing.assert_allclose(np.asarray(image_ops.hsv_to_rgb(hsv)), back, atol=1e-5)
    batch_first = np.moveaxis(x[None], -1, 1)
    np.testing.assert_allclose(np.asarray(image_ops.rgb_to_hsv(batch_first, data_format="channels_first")),
                               np.moveaxis(expected[None], -1, 1), atol=1e-5)
    with pytest.raises(ValueError, match="expected float dtype"):
        image_ops.rgb_to_hsv(np.zeros((2, 2, 3), "int32"))


def test_resize_nearest_and_bilinear_against_numpy(rng):
    x = rng.random((1, 5, 7, 2)).astype("float32")
    for size in ((9, 4), (2, 3)):
        rows = np.floor((np.arange(size[0]) + 0.5) * 5 / size[0]).astype(int)
        cols = np.floor((np.arange(size[1]) + 0.5) * 7 / size[1]).astype(int)
        nearest = np.asarray(image_ops.resize(x, size, interpolation="nearest"))
        np.testing.assert_array_equal(nearest, x[:, rows][:, :, cols])
        bilinear = np.asarray(image_ops.resize(x, size))
        for c in range(2):
            np.testing.assert_allclose(bilinear[0, :, :, c], _half_pixel_bilinear(x[0, :, :, c], size),
                                       atol=1e-5)


@pytest.mark.parametrize("method,pil", [("bilinear", Image.BILINEAR), ("bicubic", Image.BICUBIC),
                                        ("lanczos3", Image.LANCZOS)])
def test_resize_matches_pillow(rng, method, pil):
    x = rng.random((5, 7)).astype("float32")
    for size, antialias in (((9, 11), False), ((3, 4), True)):
        expected = np.asarray(Image.fromarray(x, mode="F").resize(size[::-1], pil))
        out = np.asarray(image_ops.resize(x[:, :, None], size, interpolation=method, antialias=antialias))
        np.testing.assert_allclose(out[:, :, 0], expected, atol=1e-5)


def test_resize_area_averages_covered_pixels(rng):
    x = rng.random((2, 4, 6, 1)).astype("float32")
    pooled = x.reshape(2, 2, 2, 3, 2, 1).mean(axis=(2, 4))
    np.testing.assert_allclose(np.asarray(image_ops.resize(x, (2, 3), interpolation="area")), pooled,
                               rtol=1e-5)
    row = np.array([[0.0, 3.0, 6.0]], dtype="float32")[:, :, None]  # 3 -> 2: thirds and halves of pixels
    out = np.asarray(image_ops.resize(row, (1, 2), interpolation="area"))[0, :, 0]
    np.testing.assert_allclose(out, [(0.0 + 0.5 * 3.0) / 1.5, (0.5 * 3.0 + 6.0) / 1.5], rtol=1e-6)


def test_resize_aspect_ratio_crop_and_pad_and_integer_rounding(rng):
    x = rng.random((6, 10, 1)).astype("float32")
    cropped = np.asarray(image_ops.resize(x, (6, 6), crop_to_aspect_ratio=True))
    np.testing.assert_allclose(cropped, x[:, 2:8], atol=1e-6)
    padded = np.asarray(image_ops.resize(x, (10, 10), pad_to_aspect_ratio=True, fill_value=-1.0))
    np.testing.assert_allclose(padded, np.pad(x, ((2, 2), (0, 0), (0, 0)), constant_values=-1.0), atol=1e-6)
    pixels = np.array([[0, 255], [255, 0]], dtype="uint8")[:, :, None]
    out = np.asarray(image_ops.resize(pixels, (4, 4)))
    assert out.dtype == np.uint8
    expected = np.round(_half_pixel_bilinear(pixels[:, :, 0].astype(float), (4, 4)))
    np.testing.assert_array_equal(out[:, :, 0], expected)
    with pytest.raises(ValueError, match="Only one of `pad_to_aspect_ratio`"):
        image_ops.resize(x, (4, 4), crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)
    with pytest.raises(ValueError, match="positive height and width"):
        image_ops.resize(x, (0, 4))
    with pytest.raises(ValueError, match="interpolation"):
        image_ops.resize(x, (4, 4), interpolation="cubic-ish")


def test_affine_transform_against_a_numpy_sampler(rng):
    x = rng.random((2, 6, 7, 1)).astype("float32")
    shift = np.array([[1, 0, -2, 0, 1, 1, 0, 0], [1, 0, 1.5, 0, 1, -0.5, 0, 0]], dtype="float32")
    out = np.asarray(image_ops.affine_transform(x, shift, fill_value=0.25))
    for b, t in enumerate(shift):
        rows, cols = np.meshgrid(np.arange(6.0), np.arange(7.0), indexing="ij")
        src_cols, src_rows = t[0] * cols + t[1] * rows + t[2], t[3] * cols + t[4] * rows + t[5]
        np.testing.assert_allclose(out[b, :, :, 0], _bilinear_reference(x[b, :, :, 0], src_rows, src_cols,
                                                                        0.25),
                                   atol=1e-5)
    # A half turn about the centre with nearest sampling reverses both axes.
    half_turn = np.array([-1, 0, 6, 0, -1, 5, 0, 0], dtype="float32")
    turned = np.asarray(image_ops.affine_transform(x[0], half_turn, interpolation="nearest"))
    np.testing.assert_array_equal(turned, x[0, ::-1, ::-1])
    wrapped = np.asarray(image_ops.affine_transform(x[0], [1, 0, 3, 0, 1, 0, 0, 0], fill_mode="wrap"))
    np.testing.assert_allclose(wrapped, np.roll(x[0], -3, axis=1), atol=1e-6)
    nearest = np.asarray(image_ops.affine_transform(x[0], [1, 0, 2, 0, 1, 0, 0, 0], fill_mode="nearest"))
    np.testing.assert_allclose(nearest, x[0][:, np.minimum(np.arange(7) + 2, 6)], atol=1e-6)


def test_map_coordinates_and_perspective_transform(rng):
    x = rng.random((5, 6)).astype("float32")
    coords = rng.uniform(-1, 6, size=(2, 4, 3)).astype("float32")
    out = np.asarray(image_ops.map_coordinates(x, coords, order=1, fill_value=0.5))
    np.testing.assert_allclose(out, _bilinear_reference(x, coords[0], coords[1], 0.5), atol=1e-5)
    with pytest.raises(ValueError, match="same as the rank"):
        image_ops.map_coordinates(x, np.zeros((3, 4)), order=1)
    images = rng.random((2, 5, 6, 1)).astype("float32")
    corners = np.array([[0, 0], [0, 5], [6, 0], [6, 5]], dtype="float32")
    np.testing.assert_allclose(np.asarray(image_ops.perspective_transform(images, corners, corners)), images,
                               atol=1e-5)
    # Output corners moved by (+1, +2) read the input 1 column left and 2 rows up.
    moved = np.asarray(image_ops.perspective_transform(images[0], corners, corners + [1, 2]))
    rows, cols = np.meshgrid(np.arange(5.0), np.arange(6.0), indexing="ij")
    np.testing.assert_allclose(moved[:, :, 0], _bilinear_reference(images[0, :, :, 0], rows - 2, cols - 1),
                               atol=1e-4)


def _filter_same(plane, kernel):
    kh, kw = kernel.shape
    padded = np.pad(plane, (((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2)))
    return np.array([[np.sum(padded[i:i + kh, j:j + kw] * kernel) for j in range(plane.shape[1])]
                     for i in range(plane.shape[0])])


def test_gaussian_blur_and_sobel_edges(rng):
    x = rng.random((1, 6, 7, 2)).astype("float32")

    def taps(size, sigma):
        t = np.exp(-0.5 * ((np.arange(size) - (size - 1) / 2) / sigma) ** 2)
        return t / t.sum()

    kernel = np.outer(taps(3, 1.0), taps(5, 2.0))
    out = np.asarray(image_ops.gaussian_blur(x, kernel_size=(3, 5), sigma=(1.0, 2.0)))
    for c in range(2):
        np.testing.assert_allclose(out[0, :, :, c], _filter_same(x[0, :, :, c], kernel), atol=1e-5)
    sobel_y = np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype="float32")
    edges = np.asarray(image_ops.sobel_edges(x))
    assert edges.shape == (1, 6, 7, 2, 2)
    np.testing.assert_allclose(edges[0, :, :, 1, 0], _filter_same(x[0, :, :, 1], sobel_y), atol=1e-5)
    np.testing.assert_allclose(edges[0, :, :, 1, 1], _filter_same(x[0, :, :, 1], sobel_y.T), atol=1e-5)
    first = np.asarray(image_ops.sobel_edges(np.moveaxis(x, -1, 1), data_format="channels_first"))
    np.testing.assert_allclose(first, np.moveaxis(edges, 3, 1), atol=1e-6)


def test_ssim_against_numpy(rng):
    a = rng.random((2, 14, 13, 2)).astype("float32")
    b = np.clip(a + rng.normal(0, 0.1, a.shape), 0, 1).astype("float32")
    taps = np.exp(-0.5 * ((np.arange(11) - 5) / 1.5) ** 2)
    window = np.outer(taps, taps) / taps.sum() ** 2

    def local(p):
        return np.array([[np.sum(p[i:i + 11, j:j + 11] * window) for j in range(p.shape[1] - 10)]
                         for i in range(p.shape[0] - 10)])

    expected = []
    for n in range(2):
        values = []
        for c in range(2):
            x, y = a[n, :, :, c], b[n, :, :, c]
            mx, my = local(x), local(y)
            vx, vy, cxy = local(x * x) - mx ** 2, local(y * y) - my ** 2, local(x * y) - mx * my
            c1, c2 = 0.01 ** 2, 0.03 ** 2
            ratio = (2 * mx * my + c1) * (2 * cxy + c2) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))
            values.append(np.mean(ratio))
        expected.append(np.mean(values))
    np.testing.assert_allclose(np.asarray(image_ops.ssim(a, b)), expected, rtol=1e-4)
    assert float(image_ops.ssim(a[0], a[0])) == pytest.approx(1.0, abs=1e-5)


def test_extract_patches_2d_3d_and_same_padding(rng):
    x = rng.random((2, 5, 6, 3)).astype("float32")
    patches = np.asarray(image_ops.extract_patches(x, (2, 3), strides=(2, 2)))
    assert patches.shape == (2, 2, 2, 18)
    np.testing.assert_array_equal(patches[1, 1, 0], x[1, 2:4, 0:3].reshape(-1))
    same = np.asarray(image_ops.extract_patches(x, 3, strides=2, padding="same"))
    padded = np.pad(x, ((0, 0), (1, 1), (0, 1), (0, 0)))  # TF "same": ceil(5/2)=3 rows, ceil(6/2)=3 columns
    assert same.shape == (2, 3, 3, 27)
    np.testing.assert_array_equal(same[0, 2, 1], padded[0, 4:7, 2:5].reshape(-1))
    dilated = np.asarray(image_ops.extract_patches(x[0], (2, 2), strides=1, dilation_rate=2))
    np.testing.assert_array_equal(dilated[1, 2], x[0, 1:4:2, 2:5:2].reshape(-1))
    volumes = rng.random((1, 4, 4, 4, 2)).astype("float32")
    cubes = np.asarray(image_ops.extract_patches_3d(volumes, 2))
    assert cubes.shape == (1, 2, 2, 2, 16)
    np.testing.assert_array_equal(cubes[0, 1, 0, 1], volumes[0, 2:4, 0:2, 2:4].reshape(-1))
    with pytest.raises(ValueError, match="length 2 or 3"):
        image_ops.extract_patches(x, (1, 2, 3, 4))


def test_crop_and_pad_images_match_slicing(rng):
    x = rng.random((2, 6, 7, 3)).astype("float32")
    np.testing.assert_array_equal(np.asarray(image_ops.crop_images(x, 1, 2, target_height=3, target_width=4)),
                                  x[:, 1:4, 2:6])
    np.testing.assert_array_equal(np.asarray(image_ops.crop_images(x[0], bottom_cropping=2, right_cropping=1,
                                                                   top_cropping=1, left_cropping=0)),
                                  x[0, 1:4, 0:6])
    np.testing.assert_array_equal(np.asarray(image_ops.pad_images(x, 1, 2, target_height=9, target_width=10)),
                                  np.pad(x, ((0, 0), (1, 2), (2, 1), (0, 0))))
    first = np.moveaxis(x, -1, 1)
    np.testing.assert_array_equal(
        np.asarray(image_ops.pad_images(first, 0, 1, 2, 0, data_format="channels_first")),
        np.pad(first, ((0, 0), (0, 0), (0, 2), (1, 0))))
    with pytest.raises(ValueError, match="exactly two of top_padding, bottom_padding, target_height"):
        image_ops.pad_images(x, 1, 1, 1, 1, target_height=9)
    with pytest.raises(ValueError, match="top_padding must be >= 0"):
        image_ops.pad_images(x, bottom_padding=5, left_padding=0, target_height=8, target_width=7)


def test_elastic_transform_and_scale_and_translate(rng):
    x = rng.random((2, 8, 8, 3)).astype("float32")
    np.testing.assert_allclose(np.asarray(image_ops.elastic_transform(x, alpha=0.0, seed=1)), x, atol=1e-6)
    first, again = image_ops.elastic_transform(x, seed=3), image_ops.elastic_transform(x, seed=3)
    np.testing.assert_array_equal(np.asarray(first), np.asarray(again))
    assert not np.allclose(np.asarray(first), x)  # alpha=0 above moved nothing; the default alpha does
    images = np.arange(9, dtype="float32").reshape((3, 3))
    scale = np.array([2.0, 2.0], dtype="float32")
    out = image_ops.scale_and_translate(images, (5, 5), scale, -(scale / 2.0 - 0.5), (0, 1), "linear")
    np.testing.assert_allclose(np.asarray(out), np.arange(5)[:, None] * 1.5 + np.arange(5)[None] * 0.5,
                               atol=1e-6)


def test_symbolic_shapes():
    inputs = kerax.Input((8, 6, 3))
    assert image_ops.resize(inputs, (4, 5)).shape == (None, 4, 5, 3)
    assert image_ops.rgb_to_grayscale(inputs).shape == (None, 8, 6, 1)
    assert image_ops.extract_patches(inputs, (2, 3)).shape == (None, 4, 2, 18)
    assert image_ops.sobel_edges(inputs).shape == (None, 8, 6, 3, 2)
    assert image_ops.crop_images(inputs, 1, 1, target_height=4, target_width=4).shape == (None, 4, 4, 3)
