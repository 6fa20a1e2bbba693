"""tf.compat.v1's ConfigProto and GPUOptions, as plain settings objects (`config.gpu_options.allow_growth =
True`). A Session applies them to the engine (session.py)."""


class GPUOptions:
    def __init__(self, allow_growth=False, per_process_gpu_memory_fraction=0.0, visible_device_list="",
                 **unused):
        self.allow_growth = allow_growth
        self.per_process_gpu_memory_fraction = per_process_gpu_memory_fraction
        self.visible_device_list = visible_device_list
        self.unused = unused  # TF options with no meaning on XLA (e.g. polling_inactive_delay_msecs)

    def __repr__(self):
        return (f"GPUOptions(allow_growth={self.allow_growth}, per_process_gpu_memory_fraction="
                f"{self.per_process_gpu_memory_fraction}, visible_device_list={self.visible_device_list!r})")


class ConfigProto:
    """`device_count={'GPU': 0}` hides GPUs; `{'CPU': n}` makes n CPU devices; `gpu_options` set GPU memory
    use; `log_device_placement=True` logs where each compiled step runs. `allow_soft_placement` is always true here
    (XLA places every operation)."""

    def __init__(self, device_count=None, gpu_options=None, log_device_placement=False,
                 allow_soft_placement=False, intra_op_parallelism_threads=0, inter_op_parallelism_threads=0,
                 **unused):
        self.device_count = dict(device_count or {})
        self.gpu_options = gpu_options if gpu_options is not None else GPUOptions()
        self.log_device_placement = log_device_placement
        self.allow_soft_placement = allow_soft_placement
        self.intra_op_parallelism_threads = intra_op_parallelism_threads
        self.inter_op_parallelism_threads = inter_op_parallelism_threads
        self.unused = unused  # e.g. graph_options: TF graph rewriting, which XLA does itself

    def __repr__(self):
        return (f"ConfigProto(device_count={self.device_count}, gpu_options={self.gpu_options!r}, "
                f"log_device_placement={self.log_device_placement})")
