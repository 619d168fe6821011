-- The application's login: no superuser, no BYPASSRLS, no table privileges of its own. It may only
-- become zizhu_app (the role the migrations grant to); the migrations tolerate the role existing already.
CREATE ROLE zizhu_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
CREATE ROLE zizhu_api LOGIN PASSWORD 'zizhu_api' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
GRANT zizhu_app TO zizhu_api;
GRANT CONNECT ON DATABASE zizhu TO zizhu_api;
