#!/bin/sh
# Run once by the official postgres image on an empty volume (/docker-entrypoint-initdb.d): the application's
# own role, not a superuser, owning the application's database. The superuser (POSTGRES_USER) stays for the
# operator (backups, upgrades); the app connects as APP_DB_USER.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" -v app_db="$APP_DB_NAME" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE :"app_db" OWNER :"app_user";
SQL
