"""TFConfigClusterResolver: the cluster and this task, read from the TF_CONFIG environment variable.

TF_CONFIG is JSON: `{"cluster": {"chief": ["host:port"], "worker": ["host:port", ...]}, "task": {"type":
"worker", "index": 0}}`. Processes are numbered chief first, then workers in order; process 0 (the chief, or
worker 0) hosts the coordinator of JAX's distributed runtime at its address.
"""
import json
import os

_ROLES = ("chief", "worker")


class TFConfigClusterResolver:
    def __init__(self, task_type=None, task_id=None):
        config = _read_tf_config()
        self._cluster = {role: list(config.get("cluster", {}).get(role, [])) for role in _ROLES}
        unknown = set(config.get("cluster", {})) - set(_ROLES)
        if unknown:
            raise ValueError(f"TF_CONFIG names cluster roles {sorted(unknown)}: kerax trains with 'chief' "
                             "and 'worker' processes only (no parameter servers or evaluators).")
        task = config.get("task", {})
        self.task_type = task_type or task.get("type", "worker")
        self.task_id = int(task_id if task_id is not None else task.get("index", 0))
        if self.task_type not in _ROLES:
            raise ValueError(f"TF_CONFIG task type must be 'chief' or 'worker', received {self.task_type!r}.")
        if self.addresses and self.task_id >= len(self._cluster[self.task_type]):
            raise ValueError(f"TF_CONFIG task index {self.task_id} is out of range: the cluster has "
                             f"{len(self._cluster[self.task_type])} {self.task_type} task(s).")

    def cluster_spec(self):
        return {role: list(addresses) for role, addresses in self._cluster.items() if addresses}

    @property
    def addresses(self):
        """Every process's address, chief first."""
        return self._cluster["chief"] + self._cluster["worker"]

    @property
    def process_id(self):
        return self.task_id + (len(self._cluster["chief"]) if self.task_type == "worker" else 0)

    @property
    def num_processes(self):
        return max(1, len(self.addresses))

    @property
    def coordinator_address(self):
        return self.addresses[0] if self.addresses else None


def _read_tf_config():
    text = os.environ.get("TF_CONFIG", "").strip()
    if not text:
        return {}
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"TF_CONFIG is not valid JSON ({error}): {text[:200]!r}") from None
