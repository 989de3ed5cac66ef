"""The CKAN Action API v3 (read): what ``ckanapi``, harvesters and portals call."""
