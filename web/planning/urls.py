"""Pages of the planning app."""

from django.urls import URLPattern, URLResolver, path

from web.planning.views import pat, pmd, progress, reports

app_name = "planning"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", pat.home, name="home"),
    path("pmd/nuevo/", pmd.pmd_create, name="pmd-create"),
    path("pmd/plantilla.xlsx", pmd.pmd_template, name="pmd-template"),
    path("pmd/<int:pk>/", pmd.pmd_detail, name="pmd-detail"),
    path("pmd/<int:pk>/importar/", pmd.pmd_import, name="pmd-import"),
    path("pmd/<int:pk>/informe/", reports.pmd_report, name="pmd-report"),
    path("pmd/<int:pk>/nuevo/<str:level>/", pmd.element_edit, name="element-create"),
    path("pmd/<int:pk>/elemento/<int:element>/", pmd.element_edit, name="element-edit"),
    path("ods/", pmd.ods_catalogue, name="ods"),
    path("enlaces/", pat.enlace_list, name="enlace-list"),
    path("pat/nuevo/", pat.pat_create, name="pat-create"),
    path("pat/<int:pk>/", pat.pat_detail, name="pat-detail"),
    path("pat/<int:pk>/programa/", pat.program_create, name="program-create"),
    path("programa/<int:program>/proyecto/", pat.project_edit, name="project-create"),
    path("programa/<int:program>/proyecto/<int:pk>/", pat.project_edit, name="project-edit"),
    path("proyecto/<int:project>/meta/", pat.goal_edit, name="goal-create"),
    path("proyecto/<int:project>/meta/<int:pk>/", pat.goal_edit, name="goal-edit"),
    path("meta/<int:pk>/", progress.goal_detail, name="goal-detail"),
    path("avance/<int:pk>/", progress.progress_detail, name="progress-detail"),
    path("avance/<int:pk>/revisar/", progress.progress_review, name="progress-review"),
    path("avance/<int:pk>/corregir/", progress.progress_correct, name="progress-correct"),
    path("informe/mensual/", reports.monthly, name="report-monthly"),
]
