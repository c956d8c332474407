"""Deployment of a kota: nginx in front of several replicas (nginx.conf) and a local launcher (replika.py)."""
