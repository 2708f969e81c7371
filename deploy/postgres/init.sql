-- Databases of the platform (each service keeps its own schema inside them).
CREATE DATABASE cancer_network;
CREATE DATABASE cancer_network_test;
