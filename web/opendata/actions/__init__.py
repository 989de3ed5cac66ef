"""Every write to the open-data catalogue, one ``@transaction.atomic`` function per verb,
each logged in the tamper-evident log in the same transaction."""

from web.opendata.actions.datasets import DatasetFields, publish_dataset, request_dataset
from web.opendata.actions.refresh import RefreshResult, refresh_sources
from web.opendata.actions.resources import add_resource, add_resource_version

__all__ = [
    "DatasetFields",
    "RefreshResult",
    "add_resource",
    "add_resource_version",
    "publish_dataset",
    "refresh_sources",
    "request_dataset",
]
