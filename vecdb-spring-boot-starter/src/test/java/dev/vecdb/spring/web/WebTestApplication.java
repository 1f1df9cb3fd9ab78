package dev.vecdb.spring.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A minimal web application on the starter, for the HTTP tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebTestApplication {}
