import { Module } from '@nestjs/common';
import { HomeController } from './home.controller.js';

/** `GET /`: a small landing page until the console takes over `/`. */
@Module({ controllers: [HomeController] })
export class HomeModule {}
