"""Devices, meshes and layouts on JAX's own runtime: `jax.sharding.Mesh`, `NamedSharding`, `jax.distributed`.

Devices are named "platform:id" ("cpu:0", "gpu:3"), the spelling of Keras 3's `list_devices()`. A layout is a
`NamedSharding`: one mesh axis name (or None, replicated) per tensor dimension.
"""
import jax
import numpy as np
from jax.experimental import multihost_utils
from jax.sharding import Mesh, NamedSharding, PartitionSpec


def list_devices(device_type=None):
    """Devices of `device_type` ('cpu', 'gpu', 'tpu'; default: the default platform), of all processes."""
    return [_device_name(d) for d in _devices(device_type)]


def device_count(device_type=None):
    return len(_devices(device_type))


def _devices(device_type):
    if device_type is None:
        return jax.devices()
    try:
        return jax.devices(device_type.lower())
    except RuntimeError:
        return []  # no such platform here


def _device_name(device):
    return f"{device.platform}:{device.id}"


def engine_device(name):
    """The device named `name` ("cpu:0", "gpu:1", or "cpu" for the first of a platform)."""
    if not isinstance(name, str):
        return name
    platform, _, index = name.lower().partition(":")
    platform = {"cuda": "gpu", "rocm": "gpu"}.get(platform, platform)
    candidates = _devices(platform)
    for device in candidates:
        if not index or str(device.id) == index:
            return device
    raise ValueError(
        f"Unknown device {name!r}. Available devices: {list_devices(platform) or list_devices()}. "
        "Name a device as 'platform:id', e.g. 'cpu:0'."
    )


def device_mesh(shape, axis_names, devices):
    """A `jax.sharding.Mesh` of `devices` (names or engine devices) laid out in `shape`."""
    grid = np.array([engine_device(d) for d in np.ravel(np.asarray(devices, dtype=object))], dtype=object)
    return Mesh(grid.reshape(tuple(shape)), tuple(axis_names))


def tensor_layout(mesh, axes):
    """A layout over `mesh`: dimension i is split over mesh axis axes[i] (None: not split)."""
    return NamedSharding(mesh, PartitionSpec(*axes))


def distribute_tensor(x, layout):
    """x laid out with `layout`: placed on its devices, or (inside compiled code) constrained to it."""
    if isinstance(x, jax.core.Tracer):
        return jax.lax.with_sharding_constraint(x, layout)
    return jax.device_put(x, layout)


def layout_devices(x):
    """The names of the devices holding x."""
    return sorted((_device_name(d) for d in x.sharding.device_set), key=_device_order)


def _device_order(name):
    platform, _, index = name.partition(":")
    return platform, int(index)


def device_scope(device_name):
    """Context manager: computations and new arrays go to `device_name` (Keras 3's `keras.device`)."""
    return jax.default_device(engine_device(device_name))


def initialize_distributed(coordinator_address=None, num_processes=None, process_id=None,
                           heartbeat_timeout_seconds=100):
    """Starts JAX's multi-process runtime (`jax.distributed.initialize`); process 0 hosts the coordinator.
    A process that stops answering for `heartbeat_timeout_seconds` makes the others fail."""
    jax.distributed.initialize(coordinator_address=coordinator_address, num_processes=num_processes,
                               process_id=process_id,
                               heartbeat_timeout_seconds=int(heartbeat_timeout_seconds))


def process_info():
    """(this process's index, the number of processes)."""
    return jax.process_index(), jax.process_count()


def local_value(x):
    """x as NumPy; of an array split over several processes, the part this process holds (its own rows)."""
    if not isinstance(x, jax.Array) or x.is_fully_addressable or x.is_fully_replicated:
        return np.asarray(x)
    shards = sorted((s for s in x.addressable_shards if s.replica_id == 0),
                    key=lambda s: tuple(i.start or 0 for i in s.index))
    axis = next(i for i, part in enumerate(shards[0].index) if part != slice(None))
    return np.concatenate([np.asarray(s.data) for s in shards], axis=axis)


class StepPlacement:
    """How a compiled step loop lays out its arguments over `mesh`: each state array with its own layout, the
    rows of every batch split over `batch_axis`, whole data sets (gathered from by index) replicated."""

    def __init__(self, mesh, batch_axis, state_layouts):
        self.mesh = mesh
        self.state = list(state_layouts)
        self.replicated = NamedSharding(mesh, PartitionSpec())
        self.steps = NamedSharding(mesh, PartitionSpec(None, batch_axis))  # [steps, rows, ...]
        self.rows = NamedSharding(mesh, PartitionSpec(batch_axis))  # [rows, ...]
        self.replicas = mesh.shape[batch_axis]
        self.processes = jax.process_count()

    def place_state(self, values):
        """The state laid out on the mesh (arrays already there are kept). With several processes, the first
        placement takes process 0's values, so every process starts from the chief's weights."""
        if all(isinstance(v, jax.Array) and v.sharding == s for v, s in zip(values, self.state)):
            return values
        if self.processes == 1:
            return [jax.device_put(v, s) for v, s in zip(values, self.state)]
        chief = multihost_utils.broadcast_one_to_all([np.asarray(v) for v in values])
        return [jax.make_array_from_callback(v.shape, s, lambda index, v=v: v[index])
                for v, s in zip(chief, self.state)]

    def global_batches(self, stacked):
        """With several processes, each one's stacked batches [steps, its rows, ...] become one global array
        [steps, all rows, ...]; every process must feed the same number of steps and rows."""
        if self.processes == 1:
            return stacked

        def to_global(rows):
            shape = (rows.shape[0], rows.shape[1] * self.processes) + tuple(rows.shape[2:])
            return jax.make_array_from_process_local_data(self.steps, np.asarray(rows), shape)

        return jax.tree.map(to_global, stacked)

    def devices(self):
        return sorted((_device_name(d) for d in self.mesh.devices.flat), key=_device_order)


def step_placement(mesh, batch_axis, state_layouts):
    return StepPlacement(mesh, batch_axis, state_layouts)
