"""Global numeric settings: floatx, epsilon, image data format, and the backend's name."""
import json
import os

_FLOATX = "float32"
_EPSILON = 1e-7
_IMAGE_DATA_FORMAT = "channels_last"
_ON_FLOATX_CHANGE = []  # backend hooks (e.g. JAX enables 64-bit mode for float64)


def floatx():
    return _FLOATX


def set_floatx(value):
    global _FLOATX
    accepted = ("bfloat16", "float16", "float32", "float64")
    if value not in accepted:
        raise ValueError(f"Unknown floatx type: {value!r}. Expected one of {accepted}.")
    _FLOATX = str(value)
    for hook in _ON_FLOATX_CHANGE:
        hook(_FLOATX)


def epsilon():
    return _EPSILON


def set_epsilon(value):
    global _EPSILON
    _EPSILON = float(value)


def image_data_format():
    return _IMAGE_DATA_FORMAT


def set_image_data_format(data_format):
    global _IMAGE_DATA_FORMAT
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            f"data_format must be 'channels_first' or 'channels_last', received: {data_format!r}"
        )
    _IMAGE_DATA_FORMAT = data_format


def standardize_data_format(data_format):
    if data_format is None:
        return image_data_format()
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            f"data_format must be 'channels_first' or 'channels_last', received: {data_format!r}"
        )
    return data_format


def kerax_home():
    return os.path.expanduser(os.environ.get("KERAX_HOME", os.path.join("~", ".kerax")))


def _backend_from_environment():
    name = os.environ.get("KERAX_BACKEND")
    if name:
        return name.lower()
    config_path = os.path.join(kerax_home(), "kerax.json")
    if os.path.exists(config_path):
        try:
            with open(config_path) as f:
                return str(json.load(f).get("backend", "jax")).lower()
        except (OSError, ValueError) as e:
            raise ValueError(f"Could not read the kerax config file {config_path}: {e}") from e
    return "jax"


_BACKEND = _backend_from_environment()


def backend():
    """The name of the array engine in use ('jax')."""
    return _BACKEND
