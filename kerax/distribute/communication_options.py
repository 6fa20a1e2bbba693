"""CommunicationOptions: how processes talk. Only `timeout_seconds` has a meaning on JAX's runtime: a process
silent for that long (e.g. dead) makes the others fail instead of waiting forever."""


class CommunicationOptions:
    def __init__(self, bytes_per_pack=0, timeout_seconds=None, implementation=None):
        if timeout_seconds is not None and timeout_seconds <= 0:
            raise ValueError(f"timeout_seconds must be positive, received {timeout_seconds}.")
        self.bytes_per_pack = bytes_per_pack
        self.timeout_seconds = timeout_seconds
        self.implementation = implementation
