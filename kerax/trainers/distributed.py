"""Where the compiled steps of fit/evaluate/predict run under a distribution (kerax.distribution, or a
kerax.distribute strategy's scope).

Each batch is split over the mesh's batch axis inside the compiled, scan-fused step (XLA reduces the gradients
in the same program); the model's, optimizer's and metrics' variables keep the distribution's layouts
(replicated for data parallelism). A batch that does not divide over the devices is padded and masked like a
short last batch (backend.step_context). In-memory data sets are copied whole to every device once per fit,
and each device gathers its rows of a batch there.

With several processes (MultiWorkerMirroredStrategy, kerax.distribution.initialize) each process feeds its own
rows of every global batch: all of them must run the same number of steps with the same batch size. The
variables start from process 0's values.
"""
from kerax import backend
from kerax import distribution as distribution_lib


def active_distribution(model):
    """The current distribution, else the one the model was created or compiled under, else None."""
    return distribution_lib.distribution() or getattr(model, "_distribution", None)


def step_placement(distribution, state_variables):
    """The engine's placement of a compiled step over `distribution`'s mesh (None: one device)."""
    if distribution is None:
        return None
    layouts = [distribution.get_variable_layout(v).engine_layout for v in state_variables]
    mesh = distribution.device_mesh.engine_mesh
    return backend.step_placement(mesh, distribution.batch_dim_name, layouts)


def replicated_layout(distribution):
    """Whole arrays on every device of the mesh (in-memory data sets gathered from by index)."""
    if distribution is None:
        return None
    return distribution_lib.TensorLayout([], distribution.device_mesh).engine_layout


def rows_multiple(distribution):
    """The rows each process feeds per batch are padded to a multiple of this (its devices on the batch
    axis)."""
    return 1 if distribution is None else distribution.num_replicas // distribution.num_processes


def streams_from_host(distribution):
    """With several processes each feeds its own data, so in-memory arrays stream from the host too."""
    return distribution is not None and distribution.num_processes > 1
