"""kerax.distribution: Keras 3's distribution API on JAX's own runtime (meshes and shardings).

`set_distribution(DataParallel())` (or `with DataParallel().scope():`) makes fit/evaluate/predict split every
batch over the devices inside the compiled step; `ModelParallel` also splits variables over a `model` axis.
"""
from kerax.distribution.data_parallel import DataParallel
from kerax.distribution.device_mesh import DeviceMesh
from kerax.distribution.distribution import Distribution, distribution, set_distribution
from kerax.distribution.functions import (
    device, distribute_tensor, get_device_count, initialize, list_devices,
)
from kerax.distribution.layout_map import LayoutMap
from kerax.distribution.model_parallel import ModelParallel
from kerax.distribution.tensor_layout import TensorLayout

__all__ = [
    "DataParallel", "DeviceMesh", "Distribution", "LayoutMap", "ModelParallel", "TensorLayout",
    "distribute_tensor", "distribution", "get_device_count", "initialize", "list_devices", "set_distribution",
]
