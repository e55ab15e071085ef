from django.contrib.admin import apps as admin_apps


# Subclassed through its module: a config class imported by name here would become the `reformbank` app's.
class ReformbankAdminConfig(admin_apps.AdminConfig):
    """The Django admin with the portal's own site (reformbank.admin.AdminSite)."""

    default = False  # not the config of the `reformbank` app itself
    default_site = "reformbank.admin.AdminSite"
