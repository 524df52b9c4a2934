from django.shortcuts import render

from warta.pos.models import Procedure


def home(request):
    return render(request, "portal/home.html", {"procedures": Procedure.objects.in_force()})


def procedures(request):
    return render(request, "portal/procedures.html", {"procedures": Procedure.objects.in_force()})
