from django.urls import path

from policybuilder.publishing import manage_views, public_views

app_name = "publishing"

urlpatterns = [
    path("p/<slug:slug>/", public_views.latest, name="latest"),
    path("p/<slug:slug>/versions/", public_views.versions, name="versions"),
    path("p/<slug:slug>/v/<int:number>/", public_views.version, name="version"),
    path("p/<slug:slug>/v/<int:number>/changes/", public_views.changes, name="changes"),
    path("p/<slug:slug>/v/<int:number>/policy.pdf", public_views.pdf, name="pdf"),
    path("p/<slug:slug>/feed.atom", public_views.feed, name="feed"),
    path("p/<slug:slug>/embed.html", public_views.embed, name="embed"),
    path("p/<slug:slug>/policy.json", public_views.data, name="data"),
    path("policy/<token:token>/publish/", manage_views.manage, name="manage"),
]
