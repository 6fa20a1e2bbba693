"""tf.estimator.RunConfig: where an Estimator keeps its checkpoints and how it distributes training."""
import tempfile


class RunConfig:
    def __init__(self, model_dir=None, tf_random_seed=None, save_summary_steps=100,
                 save_checkpoints_steps=None, save_checkpoints_secs=None, session_config=None, keep_checkpoint_max=5,
                 keep_checkpoint_every_n_hours=10000, log_step_count_steps=100, train_distribute=None,
                 device_fn=None, protocol=None, eval_distribute=None, experimental_distribute=None,
                 experimental_max_worker_delay_secs=None, session_creation_timeout_secs=7200,
                 checkpoint_save_graph_def=True):
        if keep_checkpoint_max is not None and keep_checkpoint_max < 1:
            raise ValueError(
                f"keep_checkpoint_max must be at least 1 (or None), received {keep_checkpoint_max}.")
        self.model_dir = model_dir
        self.tf_random_seed = tf_random_seed
        self.save_checkpoints_steps = save_checkpoints_steps
        self.save_checkpoints_secs = save_checkpoints_secs
        self.session_config = session_config
        self.keep_checkpoint_max = keep_checkpoint_max
        self.train_distribute = train_distribute
        self.eval_distribute = eval_distribute

    def replace(self, **changes):
        updated = RunConfig.__new__(RunConfig)
        updated.__dict__.update(self.__dict__, **changes)
        return updated

    def resolved_model_dir(self, model_dir=None):
        """The given directory, this config's, or a new temporary one (as TF did, with a warning there)."""
        return model_dir or self.model_dir or tempfile.mkdtemp(prefix="kerax_estimator_")

    def __repr__(self):
        return (f"RunConfig(model_dir={self.model_dir!r}, train_distribute={self.train_distribute!r}, "
                f"eval_distribute={self.eval_distribute!r})")
