from django.urls import path

from . import views
from .feeds import ProposalFeed

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("flode/", ProposalFeed(), name="feed"),
    path("ladda-ner/<str:fmt>/", views.proposal_export, name="export"),
    path("ny/", views.proposal_create, name="create"),
    path("mina/", views.my_proposals, name="mine"),
    path("redaktion/", views.editor_queue, name="queue"),
    path("redaktion/ladda-ner/<str:fmt>/", views.editor_queue_export, name="queue_export"),
    path("taggar/", views.tag_autocomplete, name="tag_autocomplete"),
    path("forslag/", views.proposal_suggest, name="suggest"),
    path("liknande/", views.proposal_similar, name="similar"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/redigera/", views.proposal_edit, name="edit"),
    path("<int:derive_from>/bygg-vidare/", views.proposal_create, name="derive"),
    path("<int:pk>/stod/", views.proposal_support, name="support"),
    path("<int:pk>/bevaka/", views.proposal_follow, name="follow"),
    path("bevaka/", views.topic_follow, name="topic_follow"),
    path("<int:pk>/status/", views.proposal_status, name="status"),
    path("<int:pk>/sammanfor/", views.proposal_merge, name="merge"),
    path("sammanforingar/<int:pk>/angra/", views.merge_undo, name="merge_undo"),
    path("<int:pk>/kommentarer/", views.comment_create, name="comment_create"),
    path("kommentarer/<int:pk>/redigera/", views.comment_edit, name="comment_edit"),
    path("kommentarer/<int:pk>/dolj/", views.comment_hide, name="comment_hide"),
]
