"""The augmentations RandAugment and AugMix choose from, built with the arguments Keras gives them."""
from kerax.layers.preprocessing.image.auto_contrast import AutoContrast
from kerax.layers.preprocessing.image.equalization import Equalization
from kerax.layers.preprocessing.image.random_brightness import RandomBrightness
from kerax.layers.preprocessing.image.random_color_degeneration import RandomColorDegeneration
from kerax.layers.preprocessing.image.random_contrast import RandomContrast
from kerax.layers.preprocessing.image.random_posterization import RandomPosterization
from kerax.layers.preprocessing.image.random_rotation import RandomRotation
from kerax.layers.preprocessing.image.random_sharpness import RandomSharpness
from kerax.layers.preprocessing.image.random_shear import RandomShear
from kerax.layers.preprocessing.image.random_translation import RandomTranslation
from kerax.layers.preprocessing.image.solarization import Solarization

GEOMETRIC_AND_TONAL = ("random_shear", "random_translation", "random_rotation", "random_posterization",
                       "solarization", "auto_contrast", "equalization")
COLOUR = ("random_brightness", "random_color_degeneration", "random_contrast", "random_sharpness")


def build_augmentations(names, factor, value_range, interpolation, seed, data_format):
    """{name: layer} for `names`; `factor` is the (lower, upper) pair of the owning layer."""
    colour = dict(value_range=value_range, seed=seed, data_format=data_format)
    makers = {
        "random_shear": lambda: RandomShear(factor, factor, interpolation=interpolation, seed=seed,
                                            data_format=data_format),
        "random_translation": lambda: RandomTranslation(factor, factor, interpolation=interpolation,
                                                        seed=seed,
                                                        data_format=data_format),
        "random_rotation": lambda: RandomRotation(factor, interpolation=interpolation, seed=seed,
                                                  data_format=data_format),
        "random_posterization": lambda: RandomPosterization(max(1, int(8 * factor[1])), **colour),
        "solarization": lambda: Solarization(factor, factor, **colour),
        "auto_contrast": lambda: AutoContrast(value_range=value_range, data_format=data_format),
        "equalization": lambda: Equalization(value_range=value_range, data_format=data_format),
        "random_brightness": lambda: RandomBrightness(factor, **colour),
        "random_color_degeneration": lambda: RandomColorDegeneration(factor, **colour),
        "random_contrast": lambda: RandomContrast(factor, **colour),
        "random_sharpness": lambda: RandomSharpness(factor, **colour),
    }
    return {name: makers[name]() for name in names}
