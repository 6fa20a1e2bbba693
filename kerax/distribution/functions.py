"""Keras 3's distribution functions: devices, placing a tensor, multi-process start, a device scope."""
import os

from kerax import backend
from kerax.backend import KerasTensor


def list_devices(device_type=None):
    """Device names ('cpu:0', 'gpu:1', ...) of every process; `device_type` is 'cpu', 'gpu' or 'tpu'."""
    return backend.list_devices(device_type)


def get_device_count(device_type=None):
    return backend.device_count(device_type)


def distribute_tensor(tensor, layout):
    """`tensor` laid out with `layout` (a TensorLayout): placed on its devices, or constrained to it inside
    compiled code. A symbolic KerasTensor is returned as it is."""
    if isinstance(tensor, KerasTensor):
        return tensor
    return backend.distribute_tensor(tensor, getattr(layout, "engine_layout", layout))


def initialize(job_addresses=None, num_processes=None, process_id=None):
    """Starts the multi-process runtime (call it first, in every process). Arguments default to the
    environment variables KERAS_DISTRIBUTION_JOB_ADDRESSES, _NUM_PROCESSES and _PROCESS_ID; only the first
    address (process 0, the coordinator) is used."""
    environ = os.environ
    if job_addresses is None:
        job_addresses = environ.get("KERAS_DISTRIBUTION_JOB_ADDRESSES")
    if num_processes is None and "KERAS_DISTRIBUTION_NUM_PROCESSES" in environ:
        num_processes = int(environ["KERAS_DISTRIBUTION_NUM_PROCESSES"])
    if process_id is None and "KERAS_DISTRIBUTION_PROCESS_ID" in environ:
        process_id = int(environ["KERAS_DISTRIBUTION_PROCESS_ID"])
    coordinator = job_addresses.split(",")[0].strip() if job_addresses else None
    backend.initialize_distributed(coordinator, num_processes, process_id)


def device(device_name):
    """`with kerax.device("cpu:0"):` new arrays and computations go to that device."""
    return backend.device_scope(device_name)
