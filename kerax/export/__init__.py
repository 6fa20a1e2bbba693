"""kerax.export: `ExportArchive` (Keras's name) writes self-contained inference artifacts through jax.export;
`load_archive(path)` runs them in any process, without the model's Python code."""
from kerax.saving.export_archive import ExportArchive
from kerax.saving.exported_archive import ReloadedArchive, load_archive
