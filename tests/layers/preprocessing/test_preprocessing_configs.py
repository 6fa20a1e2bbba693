"""Every preprocessing layer survives `get_config` -> `from_config` -> `get_config`, through JSON."""
import json

import pytest

from kerax import layers

LAYERS = [
    lambda: layers.TextVectorization(max_tokens=10, ngrams=2, output_sequence_length=3, vocabulary=["a",
                                                                                                    "b"]),
    lambda: layers.StringLookup(vocabulary=["a", "b"], num_oov_indices=2, mask_token=""),
    lambda: layers.IntegerLookup(vocabulary=[4, 5], oov_method="farmhash", salt=3),
    lambda: layers.Hashing(num_bins=4, salt=[1, 2], output_mode="multi_hot"),
    lambda: layers.HashedCrossing(num_bins=7, output_mode="one_hot"),
    lambda: layers.CategoryEncoding(num_tokens=3, output_mode="count"),
    lambda: layers.Discretization(bin_boundaries=[0.0, 1.5]),
    lambda: layers.Resizing(4, 5, interpolation="nearest", pad_to_aspect_ratio=True, fill_value=1.0),
    lambda: layers.CenterCrop(3, 2, data_format="channels_first"),
    lambda: layers.RandomCrop(3, 2, seed=1),
    lambda: layers.RandomFlip("vertical", seed=2),
    lambda: layers.RandomRotation((-0.1, 0.2), fill_mode="constant", fill_value=1.0, seed=3),
    lambda: layers.RandomZoom(0.2, (-0.1, 0.3), interpolation="nearest"),
    lambda: layers.RandomTranslation(0.1, (0.0, 0.2), fill_mode="wrap"),
    lambda: layers.RandomContrast(0.3, value_range=(0, 1), seed=4),
    lambda: layers.RandomBrightness((-0.2, 0.1), value_range=[0, 1]),
    lambda: layers.RandomGrayscale(0.3, seed=1),
    lambda: layers.RandomInvert(0.5, value_range=(0, 1)),
    lambda: layers.RandomPosterization((2, 6), seed=1),
    lambda: layers.Solarization(0.1, (0.2, 0.6), value_range=(0, 1)),
    lambda: layers.AutoContrast(value_range=(0, 1)),
    lambda: layers.Equalization(bins=64),
    lambda: layers.RandomColorDegeneration(0.4),
    lambda: layers.RandomHue(0.3),
    lambda: layers.RandomSaturation((0.2, 0.8)),
    lambda: layers.RandomSharpness(0.5),
    lambda: layers.RandomColorJitter(brightness_factor=0.1, hue_factor=0.2, seed=3),
    lambda: layers.RandomGaussianBlur(0.5, kernel_size=5, sigma=(0.2, 0.9)),
    lambda: layers.RandomShear(0.2, (0.1, 0.3), fill_mode="nearest"),
    lambda: layers.RandomPerspective(0.5, scale=0.4),
    lambda: layers.RandomElasticTransform(0.5, scale=0.3, fill_mode="constant"),
    lambda: layers.RandomErasing(0.5, fill_value=[1, 2, 3]),
    lambda: layers.MixUp(alpha=0.4, seed=1),
    lambda: layers.CutMix(0.6),
    lambda: layers.ContrastLimitedAdaptiveHistogramEqualization(clip_limit=2.0, tile_grid_size=(4, 4)),
    lambda: layers.RandAugment(num_ops=3, factor=0.4),
    lambda: layers.AugMix(num_chains=2, all_ops=False),
    lambda: layers.MaxNumBoundingBoxes(5, fill_value=0),
    lambda: layers.Pipeline([layers.RandomFlip(), layers.Resizing(2, 2)]),
    lambda: layers.STFTSpectrogram(mode="psd", frame_length=32, frame_step=16, expand_dims=True),
    lambda: layers.MelSpectrogram(fft_length=64, num_mel_bins=16, power_to_db=False),
]


@pytest.mark.parametrize("make", LAYERS, ids=lambda make: make().__class__.__name__)
def test_config_round_trip(make):
    layer = make()
    config = json.loads(json.dumps(layer.get_config()))
    rebuilt = type(layer).from_config(config)
    assert json.loads(json.dumps(rebuilt.get_config())) == config
